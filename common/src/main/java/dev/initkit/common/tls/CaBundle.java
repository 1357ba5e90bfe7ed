package dev.initkit.common.tls;

import dev.initkit.common.cli.OptionFiles;
import dev.initkit.common.failure.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Certificate authorities to trust for TLS besides the Java runtime's own, from a PEM (or DER)
 * bundle: a server behind a company CA, while public servers still pass.
 *
 * @param file where the certificates came from, for messages
 * @param certificates at least one
 */
public record CaBundle(Path file, List<X509Certificate> certificates) {
  public CaBundle {
    certificates = List.copyOf(certificates);
  }

  /**
   * Reads every certificate in {@code file}.
   *
   * @param option the option that named the file, for the message
   * @throws UsageException when the file cannot be read or holds no certificate
   */
  public static CaBundle read(Path file, String option) throws UsageException {
    List<X509Certificate> certificates = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        if (c instanceof X509Certificate x509) {
          certificates.add(x509);
        }
      }
    } catch (IOException e) {
      throw OptionFiles.cannotRead(option, file, e);
    } catch (CertificateException e) {
      throw new UsageException(
          option + " " + file + " is not a PEM bundle of certificates: " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new UsageException(option + " " + file + " holds no certificate");
    }
    return new CaBundle(file, certificates);
  }

  /** A trust manager for the runtime's CAs and this bundle's together. */
  public X509TrustManager trustManager() throws GeneralSecurityException {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (X509Certificate ca : x509(null).getAcceptedIssuers()) {
        store.setCertificateEntry("runtime-" + n++, ca);
      }
      for (X509Certificate ca : certificates) {
        store.setCertificateEntry("bundle-" + n++, ca);
      }
      return x509(store);
    } catch (IOException e) {
      // An empty in-memory key store has nothing to read; this does not happen.
      throw new GeneralSecurityException(e);
    }
  }

  /** A TLS context trusting the runtime's CAs and this bundle's. */
  public SSLContext sslContext() throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustManager()}, null);
    return context;
  }

  private static X509TrustManager x509(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the runtime offers no X509TrustManager");
  }
}
