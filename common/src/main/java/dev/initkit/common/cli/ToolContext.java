package dev.initkit.common.cli;

import dev.initkit.common.log.Log;
import dev.initkit.common.log.ProgressReporter;
import dev.initkit.common.log.ProgressUnit;
import java.time.Duration;

/** What a tool's job gets from the frame: its log, secret files, and progress reporting. */
public final class ToolContext {
  /** How often a progress line is written when stderr is not a terminal. */
  static final Duration PROGRESS_LINE_INTERVAL = Duration.ofSeconds(5);

  private final Log log;
  private final SecretFiles secretFiles;
  private final boolean terminal;

  ToolContext(Log log, SecretFiles secretFiles, boolean terminal) {
    this.log = log;
    this.secretFiles = secretFiles;
    this.terminal = terminal;
  }

  public Log log() {
    return log;
  }

  public SecretFiles secretFiles() {
    return secretFiles;
  }

  public ProgressReporter progress(String task, long total, ProgressUnit unit) {
    return new ProgressReporter(log, task, total, unit, terminal, PROGRESS_LINE_INTERVAL);
  }
}
