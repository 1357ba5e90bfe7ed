package dev.initkit.common.failure;

/**
 * A failure that the user can act on: its message says what went wrong and what to do, in one line,
 * and it maps to one exit code. Anything else thrown by a tool is a bug.
 */
public abstract class InitkitException extends Exception {
  private static final long serialVersionUID = 1L;

  protected InitkitException(String message, Throwable cause) {
    super(message, cause);
  }

  public abstract ExitCode exitCode();
}
