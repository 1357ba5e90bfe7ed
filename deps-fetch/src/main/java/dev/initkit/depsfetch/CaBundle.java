package dev.initkit.depsfetch;

import dev.initkit.common.failure.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PEM bundle of CA certificates for private TLS, trusted in addition to the Java runtime's own:
 * an internal repository signed by the company's CA still lets Central through.
 */
final class CaBundle {
  private CaBundle() {}

  /**
   * An SSL context trusting the runtime's CAs and those in {@code file}.
   *
   * @throws UsageException when the file cannot be read or holds no certificate
   */
  static SSLContext read(Path file) throws UsageException {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      TrustManagerFactory defaults =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      defaults.init((KeyStore) null);
      int n = 0;
      for (var manager : defaults.getTrustManagers()) {
        if (manager instanceof javax.net.ssl.X509TrustManager x509) {
          for (X509Certificate ca : x509.getAcceptedIssuers()) {
            trust.setCertificateEntry("runtime-" + n++, ca);
          }
        }
      }
      Collection<? extends Certificate> bundle;
      try (InputStream in = Files.newInputStream(file)) {
        bundle = CertificateFactory.getInstance("X.509").generateCertificates(in);
      }
      if (bundle.isEmpty()) {
        throw new UsageException("--ca-bundle " + file + " holds no PEM certificate");
      }
      int i = 0;
      for (Certificate certificate : bundle) {
        trust.setCertificateEntry("bundle-" + i++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UsageException(
          "cannot read --ca-bundle " + file + ": " + e.getClass().getSimpleName(), e);
    } catch (GeneralSecurityException e) {
      throw new UsageException(
          "--ca-bundle " + file + " is not a PEM bundle of certificates: " + e.getMessage(), e);
    }
  }
}
