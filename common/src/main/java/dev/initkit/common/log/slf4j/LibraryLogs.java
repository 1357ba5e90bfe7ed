package dev.initkit.common.log.slf4j;

import dev.initkit.common.log.Log;
import dev.initkit.common.log.LogLevel;

/**
 * Where the SLF4J output of JGit and Maven Resolver goes: into the running tool's {@link Log}, in
 * its format and redacted. SLF4J binds its factory once per JVM, so the target is process-wide; the
 * launcher sets it at the start of each run.
 */
public final class LibraryLogs {
  private static volatile Log target;
  private static volatile LogLevel threshold = LogLevel.WARN;

  private LibraryLogs() {}

  /**
   * Sends library events to {@code log}: warnings and errors by default, everything down to debug
   * when {@code verbose} (libraries are chatty; their info lines mean little to our users).
   */
  public static void routeTo(Log log, boolean verbose) {
    threshold = verbose ? LogLevel.DEBUG : LogLevel.WARN;
    target = log;
  }

  static boolean isEnabled(LogLevel level) {
    Log log = target;
    return log != null && level.atLeast(threshold) && log.isEnabled(level);
  }

  static void write(LogLevel level, String logger, String message, Throwable cause) {
    Log log = target;
    if (log != null && isEnabled(level)) {
      log.library(level, logger, message, cause);
    }
  }
}
