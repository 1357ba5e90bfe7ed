package dev.initkit.common.failure;

/**
 * The job met the outside world and failed (exit 1): a permanent cause, or a transient one after
 * the retries ran out.
 */
public class JobFailedException extends InitkitException {
  private static final long serialVersionUID = 1L;

  public JobFailedException(String message) {
    super(message, null);
  }

  public JobFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.FAILED;
  }
}
