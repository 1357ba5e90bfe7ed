package dev.initkit.gitfetch;

import dev.initkit.common.failure.Classification;
import java.util.Objects;

/**
 * Talking to the remote failed. Carries the adapter's classification (transient or permanent, with
 * a short human reason), so the retry logic and {@code --allow-stale} need not know the library.
 */
public final class GitRemoteException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Classification classification;

  public GitRemoteException(Classification classification, Throwable cause) {
    super(classification.reason(), cause);
    this.classification = Objects.requireNonNull(classification, "classification");
  }

  public Classification classification() {
    return classification;
  }
}
