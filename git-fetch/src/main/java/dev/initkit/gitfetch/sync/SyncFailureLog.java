package dev.initkit.gitfetch.sync;

import dev.initkit.common.log.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Logs failed syncs without flooding the log when the remote stays down for hours: a line for the
 * first failure, whenever the cause changes, and otherwise at most one per {@link #INTERVAL} saying
 * how many it stands for; and one line when the syncs recover.
 */
final class SyncFailureLog {
  /** The spacing of repeated lines about the same cause. */
  static final Duration INTERVAL = Duration.ofMinutes(1);

  private final Log log;
  private final Clock clock;
  private String lastCause;
  private Instant lastLogged = Instant.MIN;
  private int unlogged;

  SyncFailureLog(Log log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  void failed(int consecutive, String cause, String tolerance) {
    Instant now = clock.instant();
    // "timed out after 30s (4 attempts)" and "(5 attempts)" are the same cause.
    String kind = cause.replaceAll("[0-9]+", "#");
    if (kind.equals(lastCause) && Duration.between(lastLogged, now).compareTo(INTERVAL) < 0) {
      unlogged++;
      return;
    }
    String repeated = unlogged > 0 ? " (" + unlogged + " more like it not shown)" : "";
    log.warn(
        "sync failed; the last good checkout stays published" + repeated,
        "failures",
        consecutive,
        "tolerated",
        tolerance,
        "cause",
        cause);
    lastCause = kind;
    lastLogged = now;
    unlogged = 0;
  }

  void recovered(int failures) {
    if (failures > 0) {
      log.info("sync recovered after " + failures + (failures == 1 ? " failure" : " failures"));
    }
    lastCause = null;
    lastLogged = Instant.MIN;
    unlogged = 0;
  }
}
