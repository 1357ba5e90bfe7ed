package dev.initkit.common.retry;

import dev.initkit.common.failure.Classification;
import dev.initkit.common.units.Durations;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One failed attempt, as a {@link RetryListener} sees it.
 *
 * @param attemptNumber 1 for the first attempt
 * @param classification what the classifier said about the failure
 * @param failure what the attempt threw
 * @param nextDelay the wait before the next attempt, or empty when the Retrier gives up (its
 *     exception then says why)
 */
public record AttemptFailure(
    int attemptNumber,
    Classification classification,
    Exception failure,
    Optional<Duration> nextDelay) {

  public AttemptFailure {
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(nextDelay, "nextDelay");
  }

  /** Whether another attempt follows. */
  public boolean willRetry() {
    return nextDelay.isPresent();
  }

  /**
   * The line every tool logs for a failed attempt, the same everywhere: {@code attempt 3 failed
   * (transient: connection refused), retrying in 1.234s}, or {@code attempt 1 failed (permanent:
   * bad credentials), giving up}. The delay is shown to the millisecond.
   */
  public String describe() {
    String head =
        "attempt "
            + attemptNumber
            + " failed ("
            + classification.failureClass().label()
            + ": "
            + classification.reason()
            + "), ";
    return nextDelay
        .map(
            delay -> head + "retrying in " + Durations.format(delay.truncatedTo(ChronoUnit.MILLIS)))
        .orElse(head + "giving up");
  }
}
