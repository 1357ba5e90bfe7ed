package dev.initkit.common.failure;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/** Classes of plain network failures, looked up along the cause chain. */
final class NetworkFailureClassifier {
  private NetworkFailureClassifier() {}

  static Classification classifyNetwork(Exception failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // A Service name that does not resolve yet is normal while a Pod's peers start.
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return Classification.transientCause("host name not resolvable (yet)" + detail(t));
      }
      // Nothing listens yet: the server is starting or restarting.
      if (t instanceof ConnectException) {
        return Classification.transientCause("connection refused" + detail(t));
      }
      if (t instanceof NoRouteToHostException) {
        return Classification.transientCause("no route to host" + detail(t));
      }
      if (t instanceof SocketTimeoutException) {
        return Classification.transientCause("timed out" + detail(t));
      }
      // Reset or closed by the peer mid-way: a server that restarts or drops connections.
      if (t instanceof SocketException) {
        return Classification.transientCause("connection dropped" + detail(t));
      }
    }
    return Classification.permanentCause(
        failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName());
  }

  /** ": message", or nothing when the exception has none (many socket exceptions). */
  private static String detail(Throwable t) {
    return t.getMessage() == null || t.getMessage().isBlank() ? "" : ": " + t.getMessage();
  }
}
