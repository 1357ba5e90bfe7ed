package dev.initkit.common.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.failure.Classification;
import dev.initkit.common.log.Log;
import dev.initkit.common.log.LogFormat;
import dev.initkit.common.log.LogSettings;
import dev.initkit.common.log.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttemptLogTest {
  private Instant now = Instant.parse("2026-11-26T10:00:00Z");
  private final Clock clock =
      new Clock() {
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
      };
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AttemptLog attempts =
      new AttemptLog(
          new Log(
              LogSettings.of("db-wait", LogFormat.TEXT, false, false),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              new Redactor(),
              clock),
          Duration.ofSeconds(5));

  private void fail(int attempt, String reason, boolean retry) {
    attempts.attemptFailed(
        new AttemptFailure(
            attempt,
            Classification.transientCause(reason),
            new IOException(reason),
            retry ? Optional.of(Duration.ofMillis(100)) : Optional.empty()));
    now = now.plusMillis(100);
  }

  private long lines() {
    return err.toString(StandardCharsets.UTF_8).lines().count();
  }

  @Test
  void fastRepeatsOfOneCauseShowOneLinePerInterval() {
    for (int i = 1; i <= 60; i++) { // 6 seconds of attempts every 100 ms
      fail(i, "connection refused", true);
    }

    assertThat(lines()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("(49 more like it not shown)");
  }

  @Test
  void aNewCauseAndTheLastAttemptAreAlwaysShown() {
    fail(1, "connection refused", true);
    fail(2, "connection refused", true);
    fail(3, "the database system is starting up", true);
    fail(4, "the database system is starting up", false);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("attempt 1 failed")
        .doesNotContain("attempt 2 failed")
        .contains("attempt 3 failed")
        .contains("attempt 4 failed (transient: the database system is starting up), giving up")
        .contains("class=transient");
  }
}
