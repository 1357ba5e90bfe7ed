package dev.initkit.dbwait.probe;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/** Looks for network causes along a failure's cause chain. */
public final class Causes {
  private Causes() {}

  /** Whether nothing listened on the port: a refused connection, free for the server. */
  public static boolean nothingListening(Throwable failure) {
    return find(failure, ConnectException.class) != null;
  }

  /** Whether the host name did not resolve (a Service whose DNS record is not there yet). */
  public static boolean unresolvedHost(Throwable failure) {
    return find(failure, UnknownHostException.class) != null
        || find(failure, UnresolvedAddressException.class) != null;
  }

  /** The first cause of the given type along the chain, or null. */
  public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
