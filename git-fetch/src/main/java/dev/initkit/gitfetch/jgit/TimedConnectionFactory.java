package dev.initkit.gitfetch.jgit;

import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.time.Duration;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.eclipse.jgit.transport.http.JDKHttpConnection;

/**
 * HTTP connections whose connect and read timeouts are set here, so that an HTTP transport can run
 * with JGit's own timeout off ({@link #install}). JGit's timeout wraps each response in a stream
 * that arms and disarms a timer thread around every read (about 8,000 wake-ups for a 26 MiB pack:
 * ~0.1 s of the main thread and ~0.08 s of the timer's CPU), on top of the socket read timeout that
 * it sets on the connection anyway; the socket's timeout alone stops a stalled server the same way,
 * with a {@link java.net.SocketTimeoutException}.
 */
final class TimedConnectionFactory implements HttpConnectionFactory {
  private final int timeoutMillis;

  private TimedConnectionFactory(Duration timeout) {
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
  }

  /**
   * Moves {@code transport}'s timeout (whole seconds, as JGit counts) onto its connections and
   * turns JGit's own off; returns the factory, to be wrapped (TLS trust) and set on the transport.
   */
  static TimedConnectionFactory install(Transport transport) {
    TimedConnectionFactory factory =
        new TimedConnectionFactory(Duration.ofSeconds(transport.getTimeout()));
    transport.setTimeout(0);
    return factory;
  }

  @Override
  public HttpConnection create(URL url) throws IOException {
    return new TimedConnection(url, timeoutMillis);
  }

  @Override
  public HttpConnection create(URL url, Proxy proxy) throws IOException {
    return new TimedConnection(url, proxy, timeoutMillis);
  }

  /** Keeps its own timeouts when JGit, whose timeout is off, sets zero (no timeout). */
  private static final class TimedConnection extends JDKHttpConnection {
    private final int timeoutMillis;

    /** Through the process's proxy selector, as JGit's own factory does. */
    TimedConnection(URL url, int timeoutMillis) throws IOException {
      super(url);
      this.timeoutMillis = timeoutMillis;
      setConnectTimeout(0);
      setReadTimeout(0);
    }

    TimedConnection(URL url, Proxy proxy, int timeoutMillis) throws IOException {
      super(url, proxy);
      this.timeoutMillis = timeoutMillis;
      setConnectTimeout(0);
      setReadTimeout(0);
    }

    @Override
    public void setConnectTimeout(int timeout) {
      super.setConnectTimeout(timeout > 0 ? timeout : timeoutMillis);
    }

    @Override
    public void setReadTimeout(int timeout) {
      super.setReadTimeout(timeout > 0 ? timeout : timeoutMillis);
    }
  }
}
