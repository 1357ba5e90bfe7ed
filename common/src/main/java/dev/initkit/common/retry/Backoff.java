package dev.initkit.common.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (the AWS "Exponential Backoff And Jitter" scheme): after the
 * n-th failure the wait is a uniformly random time in {@code [0, min(maxInterval, initial *
 * 2^(n-1)))}.
 *
 * <p>Full jitter rather than a fixed or "equal jitter" wait: when a database restarts, every Pod
 * waiting on it retries at once, and spreading each wait over the whole interval spreads that herd
 * the most for the least total waiting.
 */
public final class Backoff {
  private final long initialNanos;
  private final long maxIntervalNanos;
  private final DoubleSupplier random;

  /**
   * @param initial the cap of the first wait, more than zero
   * @param maxInterval the largest cap, at least {@code initial}
   * @param random uniform values in {@code [0, 1)}
   */
  public Backoff(Duration initial, Duration maxInterval, DoubleSupplier random) {
    this.initialNanos = Deadline.saturatedNanos(initial);
    this.maxIntervalNanos = Deadline.saturatedNanos(maxInterval);
    this.random = Objects.requireNonNull(random, "random");
    if (initialNanos <= 0 || maxIntervalNanos < initialNanos) {
      throw new IllegalArgumentException(
          "backoff needs 0 < initial <= maxInterval, got " + initial + " and " + maxInterval);
    }
  }

  /** A backoff drawing from the current thread's {@link ThreadLocalRandom}. */
  public static Backoff withSystemRandom(Duration initial, Duration maxInterval) {
    return new Backoff(initial, maxInterval, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The cap of the wait after the given failure: {@code min(maxInterval, initial * 2^(n-1))}. */
  public Duration cap(int failures) {
    return Duration.ofNanos(capNanos(failures));
  }

  /**
   * The wait after the given failure (1 for the first), a random time in {@code [0, cap)}.
   *
   * @throws IllegalArgumentException if {@code failures} is less than 1
   */
  public Duration delay(int failures) {
    double r = random.getAsDouble();
    if (!(r >= 0 && r < 1)) {
      // A bad source must not turn into a negative or endless wait.
      throw new IllegalStateException("random value outside [0, 1): " + r);
    }
    return Duration.ofNanos((long) (r * capNanos(failures)));
  }

  /** The wait after the given failure, never past the deadline: at most its remaining time. */
  public Duration delay(int failures, Deadline deadline) {
    Duration delay = delay(failures);
    Duration remaining = deadline.remaining();
    return delay.compareTo(remaining) > 0 ? remaining : delay;
  }

  private long capNanos(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures start at 1, got " + failures);
    }
    int doublings = failures - 1;
    // Doubling past the maximum would overflow; stop as soon as the cap is reached.
    if (doublings >= Long.numberOfLeadingZeros(initialNanos) - 1) {
      return maxIntervalNanos;
    }
    return Math.min(maxIntervalNanos, initialNanos << doublings);
  }
}
