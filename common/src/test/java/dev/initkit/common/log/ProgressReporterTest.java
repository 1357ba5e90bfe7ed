package dev.initkit.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-11-26T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ManualClock clock = new ManualClock();
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
