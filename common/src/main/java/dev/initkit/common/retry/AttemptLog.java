package dev.initkit.common.retry;

import dev.initkit.common.log.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Logs failed attempts, each with its class and cause, without flooding the log when a tool polls
 * fast (db-wait every 100 ms): a line whenever the cause changes, else at most one per {@code
 * interval}, saying how many attempts it stands for.
 */
public final class AttemptLog implements RetryListener {
  /** The default spacing of repeated lines about the same cause. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  private final Log log;
  private final Clock clock;
  private final Duration interval;
  private String lastReason;
  private Instant lastLogged = Instant.MIN;
  private int unlogged;

  public AttemptLog(Log log, Duration interval) {
    this.log = log;
    this.clock = log.clock();
    this.interval = interval;
  }

  @Override
  public synchronized void attemptFailed(AttemptFailure failure) {
    Instant now = clock.instant();
    String reason = failure.classification().reason();
    boolean changed = !reason.equals(lastReason);
    boolean last = !failure.willRetry();
    if (!changed && !last && Duration.between(lastLogged, now).compareTo(interval) < 0) {
      unlogged++;
      return;
    }
    String repeated = unlogged > 0 ? " (" + unlogged + " more like it not shown)" : "";
    log.warn(
        failure.describe() + repeated,
        "attempt",
        failure.attemptNumber(),
        "class",
        failure.classification().failureClass().label());
    lastReason = reason;
    lastLogged = now;
    unlogged = 0;
  }
}
