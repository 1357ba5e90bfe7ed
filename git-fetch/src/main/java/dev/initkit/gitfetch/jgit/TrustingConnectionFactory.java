package dev.initkit.gitfetch.jgit;

import dev.initkit.common.tls.CaBundle;
import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.security.GeneralSecurityException;
import javax.net.ssl.TrustManager;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * HTTPS connections that trust the CAs of a {@link CaBundle} as well as the runtime's own: a server
 * certificate passes if either set of authorities vouches for it.
 */
final class TrustingConnectionFactory implements HttpConnectionFactory {
  private final TrustManager[] trust;
  private final HttpConnectionFactory delegate;

  TrustingConnectionFactory(CaBundle bundle) throws IOException {
    this(trustOf(bundle), new JDKHttpConnectionFactory());
  }

  private TrustingConnectionFactory(TrustManager[] trust, HttpConnectionFactory delegate) {
    this.trust = trust;
    this.delegate = delegate;
  }

  private static TrustManager[] trustOf(CaBundle bundle) throws IOException {
    try {
      return new TrustManager[] {bundle.trustManager()};
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use the CAs of " + bundle.file() + ": " + e.getMessage(), e);
    }
  }

  /** The same trust over the connections that {@code connections} makes. */
  TrustingConnectionFactory over(HttpConnectionFactory connections) {
    return new TrustingConnectionFactory(trust, connections);
  }

  @Override
  public HttpConnection create(URL url) throws IOException {
    return configure(url, delegate.create(url));
  }

  @Override
  public HttpConnection create(URL url, Proxy proxy) throws IOException {
    return configure(url, delegate.create(url, proxy));
  }

  private HttpConnection configure(URL url, HttpConnection connection) throws IOException {
    if ("https".equalsIgnoreCase(url.getProtocol())) {
      try {
        connection.configure(null, trust, null);
      } catch (GeneralSecurityException e) {
        throw new IOException("cannot set up TLS for " + url + ": " + e.getMessage(), e);
      }
    }
    return connection;
  }
}
