package dev.initkit.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final Log log =
      new Log(
          LogSettings.of("deps-fetch", LogFormat.TEXT, false, false),
          new PrintStream(err, true, StandardCharsets.UTF_8),
          new Redactor(),
          clock);

  @Test
  void writesALineEveryIntervalWhenNotOnATerminal() {
    ProgressReporter progress =
        new ProgressReporter(
            log, "downloading", 4 * 1024 * 1024, ProgressUnit.BYTES, false, Duration.ofSeconds(5));

    progress.advance(1024 * 1024); // too soon: nothing
    clock.advance(Duration.ofSeconds(5));
    progress.advance(1024 * 1024);
    clock.advance(Duration.ofSeconds(1));
    progress.advance(1024 * 1024); // too soon again

    String written = err.toString(StandardCharsets.UTF_8);
    assertThat(written.lines()).hasSize(1);
    assertThat(written).contains("downloading: 50% (2 MiB of 4 MiB)");
  }

  @Test
  void redrawsABarInPlaceOnATerminalAndClearsIt() {
    ProgressReporter progress =
        new ProgressReporter(log, "receiving", 10, ProgressUnit.ITEMS, true, Duration.ofSeconds(5));

    clock.advance(Duration.ofMillis(200));
    progress.advance(5);
    progress.finish();

    String written = err.toString(StandardCharsets.UTF_8);
    assertThat(written).startsWith("\rreceiving [===============>").contains("50% (5 of 10)");
    assertThat(written).doesNotContain("\n").endsWith("\r");
  }

  @Test
  void unknownTotalShowsAmountOnly() {
    ProgressReporter progress =
        new ProgressReporter(log, "cloning", 0, ProgressUnit.BYTES, false, Duration.ofSeconds(5));

    clock.advance(Duration.ofSeconds(6));
    progress.advance(2048);

    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cloning: 2 KiB");
  }
}
