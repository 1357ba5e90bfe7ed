package dev.initkit.common.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * The point in time by which a job must be done: {@code --timeout} measured from when the deadline
 * was started, on a monotonic {@link Ticker}.
 *
 * <p>A timeout of zero means <em>no deadline</em>: the job waits as long as it takes (for example
 * db-wait left to Kubernetes' own {@code activeDeadlineSeconds}). A deadline that expires at once
 * is useless, and "check once" is better said with {@link RetryPolicy#maxAttempts()} of 1. Without
 * a deadline {@link #remaining()} is {@link #UNLIMITED} and {@link #isExpired()} is always false.
 *
 * <p>Timeouts longer than {@link #UNLIMITED} (about 292 years) are cut to it, since nanosecond
 * arithmetic cannot go further; {@link dev.initkit.common.units.Durations#parse} never yields more.
 */
public final class Deadline {
  /** What {@link #remaining()} answers when there is no deadline: about 292 years. */
  public static final Duration UNLIMITED = Duration.ofNanos(Long.MAX_VALUE);

  private final Ticker ticker;
  private final long startNanos;
  private final long timeoutNanos; // 0: no deadline

  private Deadline(Ticker ticker, Duration timeout) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("a timeout cannot be negative: " + timeout);
    }
    this.timeoutNanos = saturatedNanos(timeout);
    this.startNanos = ticker.nanoTime();
  }

  /**
   * Starts a deadline that expires {@code timeout} from now on the given ticker; zero means none.
   *
   * @throws IllegalArgumentException if the timeout is negative
   */
  public static Deadline after(Duration timeout, Ticker ticker) {
    return new Deadline(ticker, timeout);
  }

  /** Starts a deadline on the system clock; zero means none. */
  public static Deadline after(Duration timeout) {
    return after(timeout, Ticker.SYSTEM);
  }

  /** A deadline that never expires. */
  public static Deadline none(Ticker ticker) {
    return after(Duration.ZERO, ticker);
  }

  /** Whether there is a deadline at all (the timeout was not zero). */
  public boolean isLimited() {
    return timeoutNanos != 0;
  }

  /** The timeout this deadline was started with, for messages ("timed out after 30s"). */
  public Duration timeout() {
    return Duration.ofNanos(timeoutNanos);
  }

  /** The time since the deadline was started. */
  public Duration elapsed() {
    return Duration.ofNanos(elapsedNanos());
  }

  /** The time left, zero once expired; {@link #UNLIMITED} without a deadline. */
  public Duration remaining() {
    if (!isLimited()) {
      return UNLIMITED;
    }
    return Duration.ofNanos(Math.max(0, timeoutNanos - elapsedNanos()));
  }

  /** Whether the deadline has passed; never true without a deadline. */
  public boolean isExpired() {
    return isLimited() && elapsedNanos() >= timeoutNanos;
  }

  private long elapsedNanos() {
    // A difference of readings stays right even when nanoTime wraps around.
    return ticker.nanoTime() - startNanos;
  }

  static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
