package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against a PostgreSQL whose certificate, for the name {@code localhost} only, is signed by a
 * test CA made with openssl for the class (see {@link TestCertificates}).
 */
class PostgresTlsIT {
  @TempDir static Path dir;
  static PostgresServer server;
  static Path ca;
  static Path otherCa;

  @BeforeAll
  static void startServer() throws Exception {
    TestCertificates certificates = TestCertificates.create(dir);
    ca = certificates.ca;
    otherCa = certificates.otherCa;
    server =
        PostgresServer.start(
            dir,
            Map.of(
                "ssl", "on",
                "ssl_cert_file", certificates.serverCertificate.toString(),
                "ssl_key_file", certificates.serverKey.toString()));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static ToolResult run(String host, Path caFile) {
    return ToolRun.of(new DbWaitCommand())
        .args("jdbc:postgresql://" + host + ":" + server.port() + "/" + PostgresServer.DATABASE)
        .args("--user", PostgresServer.USER, "--password", PostgresServer.PASSWORD)
        .args("--ssl-mode", "verify-full", "--ssl-root-cert", caFile.toString())
        .args("--timeout", "20s")
        .run();
  }

  @Test
  void verifyFullWithTheServersCaSucceeds() {
    ToolResult result = run("localhost", ca);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
  }

  @Test
  void verifyFullAgainstAnotherHostNameFailsAtOnce() {
    ToolResult result = run("127.0.0.1", ca);

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("(permanent: ").contains("check --ssl-mode");
  }

  @Test
  void certificateFromAnUntrustedCaFailsAtOnce() {
    ToolResult result = run("localhost", otherCa);

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("(permanent: ").contains("TLS failed");
  }

  @Test
  void requireWithoutVerificationSucceedsAnyway() {
    ToolResult result =
        ToolRun.of(new DbWaitCommand())
            .args("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + PostgresServer.DATABASE)
            .args("--user", PostgresServer.USER, "--password", PostgresServer.PASSWORD)
            .env("PGSSLMODE", "require")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
  }
}
