package dev.initkit.gitfetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Certificate authorities to trust for HTTPS besides the runtime's own, from a PEM bundle ({@code
 * --ca-file}): for a git server behind a private CA.
 */
public record CaBundle(Path file, List<X509Certificate> certificates) {
  public CaBundle {
    certificates = List.copyOf(certificates);
  }

  /**
   * Reads every certificate in a PEM (or DER) file.
   *
   * @throws IllegalArgumentException when the file cannot be read or holds no certificate
   */
  public static CaBundle read(Path file) {
    Collection<? extends Certificate> read;
    try (InputStream in = Files.newInputStream(file)) {
      read = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e, e);
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          file + " is not a PEM bundle of certificates: " + e.getMessage(), e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (Certificate certificate : read) {
      if (certificate instanceof X509Certificate x509) {
        certificates.add(x509);
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no certificate");
    }
    return new CaBundle(file, certificates);
  }
}
