package dev.initkit.dbwait.probe;

/** An HTTP endpoint answered with a status outside the expected set. */
public final class UnexpectedStatusException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;

  public UnexpectedStatusException(int status, StatusSet expected) {
    super("HTTP status " + status + ", expected " + expected);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
