package dev.initkit.depsfetch;

/**
 * A resolution failed in the outside world: not found, refused, a checksum mismatch, a dropped
 * connection. The message names the artifact and the repository (never credentials); the cause is
 * the library's exception, for the classifier.
 */
public final class ResolutionException extends Exception {
  private static final long serialVersionUID = 1L;

  public ResolutionException(String message, Throwable cause) {
    super(message, cause);
  }
}
