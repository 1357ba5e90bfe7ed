package dev.initkit.gitfetch;

import dev.initkit.common.failure.JobFailedException;

/**
 * The commit or tag asked for carries no valid signature by a trusted key (--require-signature):
 * permanent, never retried, and nothing is published.
 */
public final class UntrustedSignatureException extends JobFailedException {
  private static final long serialVersionUID = 1L;

  public UntrustedSignatureException(String message) {
    super(message);
  }

  public UntrustedSignatureException(String message, Throwable cause) {
    super(message, cause);
  }
}
