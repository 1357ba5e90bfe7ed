package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against a PostgreSQL whose certificate, for the name {@code localhost} only, is signed by a
 * test CA made with openssl for the class.
 */
class PostgresTlsIT {
  @TempDir static Path dir;
  static PostgresServer server;
  static Path ca;
  static Path otherCa;

  @BeforeAll
  static void startServer() throws Exception {
    ca = dir.resolve("ca.pem");
    otherCa = dir.resolve("other-ca.pem");
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=test ca",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem");
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=other ca",
        "-keyout",
        "other-ca.key",
        "-out",
        "other-ca.pem");
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        "server.key",
        "-out",
        "server.csr");
    Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=DNS:localhost\n");
    openssl(
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "ext.cnf",
        "-out",
        "server.pem");
    Files.setPosixFilePermissions(
        dir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
    server =
        PostgresServer.start(
            dir,
            Map.of(
                "ssl", "on",
                "ssl_cert_file", dir.resolve("server.pem").toString(),
                "ssl_key_file", dir.resolve("server.key").toString()));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static void openssl(String... args) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(concat("openssl", args))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("openssl.log").toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("openssl.log"))).isZero();
  }

  private static List<String> concat(String first, String[] rest) {
    List<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all;
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
