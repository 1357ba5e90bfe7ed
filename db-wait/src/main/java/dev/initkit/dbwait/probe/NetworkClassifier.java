package dev.initkit.dbwait.probe;

import dev.initkit.common.failure.Classification;
import dev.initkit.common.failure.FailureClassifier;

/**
 * Plain network failures, worded like the database ones: common's classifier, except that the two
 * causes a waiting Pod sees most get a fixed wording (their exceptions often carry no message: an
 * HTTP client's refused connection says "null").
 */
public final class NetworkClassifier {
  private NetworkClassifier() {}

  public static Classification classify(Exception failure) {
    if (Causes.unresolvedHost(failure)) {
      return Classification.transientCause("host name not resolvable (yet)");
    }
    if (Causes.nothingListening(failure)) {
      return Classification.transientCause("connection refused (nothing listens yet)");
    }
    return FailureClassifier.NETWORK.classify(failure);
  }
}
