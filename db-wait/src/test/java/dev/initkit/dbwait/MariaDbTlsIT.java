package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against a MariaDB whose certificate, for the name {@code localhost} only, is signed by a test
 * CA. Connector/J reads CA certificates from a key store only, so the URL names a PKCS12 trust
 * store made with keytool, as the README tells users to.
 */
class MariaDbTlsIT {
  @TempDir static Path dir;
  static MariaDbServer server;
  static Path trustStore;
  static Path otherTrustStore;

  @BeforeAll
  static void startServer() throws Exception {
    TestCertificates certificates = TestCertificates.create(dir);
    trustStore = certificates.trustStore(certificates.ca, "trust");
    otherTrustStore = certificates.trustStore(certificates.otherCa, "other-trust");
    server =
        MariaDbServer.start(
            dir,
            List.of(
                "--ssl-ca=" + certificates.ca,
                "--ssl-cert=" + certificates.serverCertificate,
                "--ssl-key=" + certificates.serverKey));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static ToolResult run(String host, Path store, String sslMode) {
    return ToolRun.of(new DbWaitCommand())
        .args(
            "jdbc:mysql://"
                + host
                + ":"
                + server.port()
                + "/"
                + MariaDbServer.DATABASE
                + "?trustCertificateKeyStoreUrl=file:"
                + store
                + "&trustCertificateKeyStoreType=PKCS12&trustCertificateKeyStorePassword="
                + TestCertificates.TRUST_STORE_PASSWORD)
        .args("--user", MariaDbServer.USER, "--password", MariaDbServer.PASSWORD)
        .args("--ssl-mode", sslMode, "--timeout", "20s")
        .run();
  }

  @Test
  void verifyFullWithTheServersCaSucceeds() {
    ToolResult result = run("localhost", trustStore, "verify-full");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).contains(" is ready");
  }

  @Test
  void verifyFullAgainstAnotherHostNameFailsAtOnce() {
    ToolResult result = run("127.0.0.1", trustStore, "verify-full");

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("attempt 1 failed (permanent: ").contains("TLS failed");
  }

  @Test
  void verifyCaAcceptsAnotherHostName() {
    ToolResult result = run("127.0.0.1", trustStore, "verify-ca");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
  }

  @Test
  void certificateFromAnUntrustedCaFailsAtOnce() {
    ToolResult result = run("localhost", otherTrustStore, "verify-full");

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("attempt 1 failed (permanent: ").contains("TLS failed");
  }
}
