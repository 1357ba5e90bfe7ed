package dev.initkit.common.failure;

/** The user's input is wrong in itself (exit 2). Thrown before anything is written. */
public class UsageException extends InitkitException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.USAGE;
  }
}
