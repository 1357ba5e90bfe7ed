package dev.initkit.common.retry;

import dev.initkit.common.units.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * How long and how often to retry: the validated form of {@code --timeout}, {@code
 * --retry-initial}, {@code --retry-max-interval} and {@code --retry-permanent}.
 *
 * <p>Nothing here sets a floor on the interval beyond "more than zero": a tool whose job is to
 * notice something quickly (db-wait) can use a small initial interval and a small maximum, such as
 * 100ms and 1s, and a fixed shorter pace for causes that cost the other side nothing ({@link
 * Retrier#withFixedInterval}). Zero is refused because it would retry in a busy loop against the
 * very server that is struggling to start.
 *
 * @param timeout the overall deadline, counted from the start of the first attempt; zero means no
 *     deadline (see {@link Deadline})
 * @param retryInitial the cap of the first wait, more than zero
 * @param retryMaxInterval the largest cap of any wait, at least {@code retryInitial}
 * @param retryPermanent whether to keep retrying causes classified permanent, for setups where such
 *     a cause can still go away (a database or repository that another Pod is creating)
 * @param maxAttempts the most attempts to make, or 0 for no limit other than the deadline; 1 means
 *     "check once"
 */
public record RetryPolicy(
    Duration timeout,
    Duration retryInitial,
    Duration retryMaxInterval,
    boolean retryPermanent,
    int maxAttempts) {

  /** No limit on the number of attempts; only the deadline ends the retries. */
  public static final int UNLIMITED_ATTEMPTS = 0;

  /**
   * The messages name the flags, so the command layer can show them as usage errors (exit 2).
   *
   * @throws IllegalArgumentException if a duration is negative, the initial interval is zero, the
   *     initial interval exceeds the maximum, or {@code maxAttempts} is negative
   */
  public RetryPolicy {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retryInitial, "retryInitial");
    Objects.requireNonNull(retryMaxInterval, "retryMaxInterval");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException(
          "--timeout cannot be negative: " + Durations.format(timeout));
    }
    if (retryInitial.isNegative() || retryInitial.isZero()) {
      throw new IllegalArgumentException(
          "--retry-initial must be more than 0, like 100ms: " + Durations.format(retryInitial));
    }
    if (retryInitial.compareTo(retryMaxInterval) > 0) {
      throw new IllegalArgumentException(
          "--retry-initial ("
              + Durations.format(retryInitial)
              + ") cannot exceed --retry-max-interval ("
              + Durations.format(retryMaxInterval)
              + ")");
    }
    if (maxAttempts < 0) {
      throw new IllegalArgumentException(
          "the number of attempts cannot be negative (0 means no limit): " + maxAttempts);
    }
  }

  /** Retries transient causes until the timeout, with no limit on attempts. */
  public static RetryPolicy of(Duration timeout, Duration retryInitial, Duration retryMaxInterval) {
    return new RetryPolicy(timeout, retryInitial, retryMaxInterval, false, UNLIMITED_ATTEMPTS);
  }

  public RetryPolicy withRetryPermanent(boolean retryPermanent) {
    return new RetryPolicy(timeout, retryInitial, retryMaxInterval, retryPermanent, maxAttempts);
  }

  public RetryPolicy withMaxAttempts(int maxAttempts) {
    return new RetryPolicy(timeout, retryInitial, retryMaxInterval, retryPermanent, maxAttempts);
  }

  /** Whether {@link #maxAttempts()} limits the attempts. */
  public boolean limitsAttempts() {
    return maxAttempts != UNLIMITED_ATTEMPTS;
  }
}
