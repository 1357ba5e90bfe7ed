package dev.initkit.dbwait.probe;

import dev.initkit.common.retry.Deadline;
import java.time.Duration;

/** Per-attempt timeouts, never beyond the overall deadline. */
public final class Timeouts {
  private Timeouts() {}

  /** The smaller of the attempt's timeout and the time left, at least 1 ms. */
  public static Duration bounded(Duration timeout, Deadline deadline) {
    Duration remaining = deadline.remaining();
    Duration chosen = timeout.compareTo(remaining) < 0 ? timeout : remaining;
    return chosen.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : chosen;
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
