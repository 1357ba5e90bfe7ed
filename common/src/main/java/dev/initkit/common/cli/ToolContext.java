package dev.initkit.common.cli;

import dev.initkit.common.log.Log;
import dev.initkit.common.log.ProgressReporter;
import dev.initkit.common.log.ProgressUnit;
import java.time.Duration;
import java.util.Map;

/** What a tool's job gets from the frame: its log, secret files, and progress reporting. */
public final class ToolContext {
  /** How often a progress line is written when stderr is not a terminal. */
  static final Duration PROGRESS_LINE_INTERVAL = Duration.ofSeconds(5);

  private final Log log;
  private final SecretFiles secretFiles;
  private final boolean terminal;
  private final Map<String, String> environment;

  ToolContext(Log log, SecretFiles secretFiles, boolean terminal, Map<String, String> environment) {
    this.log = log;
    this.secretFiles = secretFiles;
    this.terminal = terminal;
    this.environment = environment;
  }

  /**
   * The process environment as the launcher injected it, for the command layer of a tool whose
   * input is environment variables (env-render's --env); services get values, never this map.
   */
  public Map<String, String> environment() {
    return environment;
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
