package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test CA, another CA, and a server certificate for the name {@code localhost} only (signed by
 * the first), made with openssl in a directory; and a PKCS12 trust store made with keytool, the
 * form Connector/J reads.
 */
final class TestCertificates {
  static final String TRUST_STORE_PASSWORD = "changeit";

  final Path ca;
  final Path otherCa;
  final Path serverCertificate;
  final Path serverKey;
  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
    this.ca = dir.resolve("ca.pem");
    this.otherCa = dir.resolve("other-ca.pem");
    this.serverCertificate = dir.resolve("server.pem");
    this.serverKey = dir.resolve("server.key");
  }

  static TestCertificates create(Path dir) throws IOException, InterruptedException {
    TestCertificates certificates = new TestCertificates(dir);
    certificates.make();
    return certificates;
  }

  private void make() throws IOException, InterruptedException {
    selfSigned("test ca", "ca");
    selfSigned("other ca", "other-ca");
    run(
        "openssl",
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
    run(
        "openssl",
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
    Files.setPosixFilePermissions(serverKey, PosixFilePermissions.fromString("rw-------"));
  }

  private void selfSigned(String name, String file) throws IOException, InterruptedException {
    run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=" + name,
        "-keyout",
        file + ".key",
        "-out",
        file + ".pem");
  }

  /** A PKCS12 trust store holding the given CA certificate, as a user makes one with keytool. */
  Path trustStore(Path caCertificate, String name) throws IOException, InterruptedException {
    Path store = dir.resolve(name + ".p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(
        keytool,
        "-importcert",
        "-noprompt",
        "-alias",
        "ca",
        "-file",
        caCertificate.toString(),
        "-keystore",
        store.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        TRUST_STORE_PASSWORD);
    return store;
  }

  private void run(String... command) throws IOException, InterruptedException {
    Path log = dir.resolve("certificates.log");
    Process process =
        new ProcessBuilder(new ArrayList<>(List.of(command)))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(log)).isZero();
  }
}
