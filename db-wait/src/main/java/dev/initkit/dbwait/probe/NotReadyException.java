package dev.initkit.dbwait.probe;

/**
 * The target answered but is not ready yet in the sense the user asked for: a replica while {@code
 * --writable} was asked, {@code --until-sql} still false, fewer successes in a row than {@code
 * --successes}. Always transient.
 */
public final class NotReadyException extends Exception {
  private static final long serialVersionUID = 1L;

  public NotReadyException(String reason) {
    super(reason);
  }

  public NotReadyException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
