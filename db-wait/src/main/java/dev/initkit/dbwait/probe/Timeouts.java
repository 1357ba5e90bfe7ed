package dev.initkit.dbwait.probe;

import dev.initkit.common.retry.Deadline;
import java.time.Duration;

/** Per-attempt timeouts, never beyond the overall deadline. */
public final class Timeouts {
  private Timeouts() {}

  /**
   * The least time an attempt gets, even at the deadline: the Retrier makes one last attempt when
   * the deadline comes, and one cut to a millisecond would fail with a timeout of its own making
   * instead of the real cause.
   */
  static final Duration FLOOR = Duration.ofMillis(250);

  /** The smaller of the attempt's timeout and the time left, but at least {@link #FLOOR}. */
  public static Duration bounded(Duration timeout, Deadline deadline) {
    Duration remaining = deadline.remaining();
    Duration left = remaining.compareTo(FLOOR) < 0 ? FLOOR : remaining;
    return timeout.compareTo(left) < 0 ? timeout : left;
  }

  /** {@link #bounded} in whole milliseconds, for socket APIs (where 0 would mean forever). */
  public static int millis(Duration timeout, Deadline deadline) {
    long millis = bounded(timeout, deadline).toMillis();
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
  }

  /** {@link #bounded} in whole seconds rounded up, for JDBC APIs that count seconds. */
  public static int seconds(Duration timeout, Deadline deadline) {
    long millis = bounded(timeout, deadline).toMillis();
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (millis + 999) / 1000));
  }
}
