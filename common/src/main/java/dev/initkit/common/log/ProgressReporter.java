package dev.initkit.common.log;

import java.time.Duration;
import java.time.Instant;

/**
 * Reports long work (a clone, a download). On a terminal: a bar redrawn in place at most ten times
 * a second. Elsewhere (Kubernetes logs, JSON): an ordinary log line every few seconds, so logs show
 * the work is alive without flooding them.
 */
public final class ProgressReporter {
  private static final Duration BAR_REDRAW = Duration.ofMillis(100);
  private static final int BAR_WIDTH = 30;

  private final Log log;
  private final String task;
  private final ProgressUnit unit;
  private final boolean terminal;
  private final Duration lineInterval;
  private long total;
  private long done;
  private Instant lastShown;
  private boolean barDrawn;

  /**
   * @param task what is being done, e.g. "receiving objects"
   * @param total the amount of work, or 0 when unknown
   * @param terminal whether stderr is a terminal (see {@link Terminal#isStderrTerminal()})
   * @param lineInterval how often a line is written when not on a terminal
   */
  public ProgressReporter(
      Log log,
      String task,
      long total,
      ProgressUnit unit,
      boolean terminal,
      Duration lineInterval) {
    this.log = log;
    this.task = task;
    this.total = total;
    this.unit = unit;
    this.terminal = terminal && log.format() == LogFormat.TEXT && log.isEnabled(LogLevel.INFO);
    this.lineInterval = lineInterval;
    this.lastShown = log.clock().instant();
  }

  /** The amount of work became known or changed. */
  public synchronized void total(long newTotal) {
    this.total = newTotal;
  }

  /** Adds {@code amount} to the work done, and shows progress when it is time. */
  public synchronized void advance(long amount) {
    done += amount;
    Instant now = log.clock().instant();
    Duration interval = terminal ? BAR_REDRAW : lineInterval;
    if (Duration.between(lastShown, now).compareTo(interval) < 0) {
      return;
    }
    lastShown = now;
    if (terminal) {
      log.writeRaw("\r" + bar());
      barDrawn = true;
    } else {
      log.info(task + ": " + summary(), "done", done, "total", total);
    }
  }

  /** Clears the bar; the caller then logs what was done, as one ordinary line. */
  public synchronized void finish() {
    if (barDrawn) {
      log.writeRaw("\r" + " ".repeat(BAR_WIDTH + task.length() + 40) + "\r");
      barDrawn = false;
    }
  }

  String summary() {
    if (total <= 0) {
      return unit.format(done);
    }
    return percent() + "% (" + unit.format(done) + " of " + unit.format(total) + ")";
  }

  private String bar() {
    if (total <= 0) {
      return task + " " + unit.format(done);
    }
    int filled = (int) ((long) BAR_WIDTH * Math.min(done, total) / total);
    return task
        + " ["
        + "=".repeat(filled)
        + (filled < BAR_WIDTH ? ">" + " ".repeat(BAR_WIDTH - filled - 1) : "")
        + "] "
        + summary();
  }

  private long percent() {
    return Math.min(100, done * 100 / total);
  }
}
