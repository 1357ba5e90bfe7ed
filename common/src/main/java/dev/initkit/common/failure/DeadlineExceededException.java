package dev.initkit.common.failure;

/** The deadline ({@code --timeout}) passed before the job was done (exit 3). */
public class DeadlineExceededException extends InitkitException {
  private static final long serialVersionUID = 1L;

  public DeadlineExceededException(String message, Throwable lastCause) {
    super(message, lastCause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.TIMEOUT;
  }
}
