package dev.initkit.common.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.common.failure.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaBundleTest {
  @TempDir Path dir;

  private Path pem(X509Certificate certificate) throws Exception {
    String body =
        Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
    return Files.writeString(
        dir.resolve("ca.pem"),
        "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
  }

  /** A PEM copy of one of the runtime's own CAs: a real certificate without making a test CA. */
  private Path pemOfARuntimeCa() throws Exception {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    return pem(((X509TrustManager) factory.getTrustManagers()[0]).getAcceptedIssuers()[0]);
  }

  @Test
  void readsEveryCertificateAndTrustsThemBesideTheRuntimes() throws Exception {
    CaBundle bundle = CaBundle.read(pemOfARuntimeCa(), "--ca-file");

    assertThat(bundle.certificates()).hasSize(1);
    assertThat(bundle.trustManager().getAcceptedIssuers())
        .hasSizeGreaterThan(1)
        .contains(bundle.certificates().get(0));
    assertThat(bundle.sslContext().getProtocol()).isEqualTo("TLS");
  }

  @Test
  void aFileWithoutCertificatesIsAUsageErrorNamingTheOption() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");

    assertThatThrownBy(() -> CaBundle.read(empty, "--ca-file"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--ca-file");
  }

  @Test
  void aMissingFileIsAUsageErrorNamingTheOption() {
    assertThatThrownBy(() -> CaBundle.read(dir.resolve("missing.pem"), "--ca-file"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("cannot read --ca-file");
  }
}
