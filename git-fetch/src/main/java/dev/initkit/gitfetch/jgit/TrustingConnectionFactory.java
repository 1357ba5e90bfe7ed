package dev.initkit.gitfetch.jgit;

import dev.initkit.gitfetch.CaBundle;
import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * HTTPS connections that trust the CAs of a {@link CaBundle} as well as the runtime's own: a server
 * certificate passes if either set of authorities vouches for it.
 */
final class TrustingConnectionFactory implements HttpConnectionFactory {
  private final JDKHttpConnectionFactory delegate = new JDKHttpConnectionFactory();
  private final TrustManager[] trust;

  TrustingConnectionFactory(CaBundle bundle) throws IOException {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate certificate : bundle.certificates()) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      X509TrustManager extra = trustManager(store);
      X509TrustManager system = trustManager(null);
      this.trust = new TrustManager[] {new EitherTrustManager(extra, system)};
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use the CAs of " + bundle.file() + ": " + e.getMessage(), e);
    }
  }

  private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X509TrustManager");
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

  /** Trusts what the first trusts, else what the second does. */
  private static final class EitherTrustManager implements X509TrustManager {
    private final X509TrustManager first;
    private final X509TrustManager second;

    EitherTrustManager(X509TrustManager first, X509TrustManager second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      second.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      try {
        first.checkServerTrusted(chain, authType);
      } catch (CertificateException notByTheBundle) {
        try {
          second.checkServerTrusted(chain, authType);
        } catch (CertificateException notBySystem) {
          notBySystem.addSuppressed(notByTheBundle);
          throw notBySystem;
        }
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      List<X509Certificate> issuers = new ArrayList<>(List.of(first.getAcceptedIssuers()));
      issuers.addAll(List.of(second.getAcceptedIssuers()));
      return issuers.toArray(X509Certificate[]::new);
    }
  }
}
