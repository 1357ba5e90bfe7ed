package dev.initkit.common.failure;

/**
 * The four exit codes every initkit tool uses. With several targets or files the worst wins: {@link
 * #USAGE} over {@link #FAILED} over {@link #TIMEOUT} over {@link #OK}.
 */
public enum ExitCode {
  /** The job is done and its result is in place. */
  OK(0, 0),
  /** The job met the outside world and failed, after retries where retrying made sense. */
  FAILED(1, 2),
  /** The user's input is wrong in itself, found before anything was written. */
  USAGE(2, 3),
  /** The deadline passed before the job could be done. */
  TIMEOUT(3, 1);

  private final int code;
  private final int severity;

  ExitCode(int code, int severity) {
    this.code = code;
    this.severity = severity;
  }

  public int code() {
    return code;
  }

  /** The worse of two outcomes: 2 over 1 over 3 over 0. */
  public ExitCode worst(ExitCode other) {
    return other.severity > severity ? other : this;
  }
}
