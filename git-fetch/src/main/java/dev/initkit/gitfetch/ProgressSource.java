package dev.initkit.gitfetch;

import dev.initkit.common.log.ProgressReporter;

/**
 * Where long steps (receiving objects, checking files out) get their progress reporter: the frame's
 * {@code ToolContext.progress} in the tool, a silent one in tests that do not care.
 */
@FunctionalInterface
public interface ProgressSource {
  /**
   * A reporter for one step.
   *
   * @param task what is being done, lower case ("receiving objects")
   * @param total the amount of work, or 0 when unknown
   */
  ProgressReporter start(String task, long total);

  /** Whether the work should stop at the next check (SIGTERM). */
  default boolean cancelled() {
    return false;
  }
}
