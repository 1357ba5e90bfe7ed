package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.depsfetch.testrepo.Fixtures;
import dev.initkit.depsfetch.testrepo.ForwardProxy;
import dev.initkit.depsfetch.testrepo.RepositoryServer;
import dev.initkit.depsfetch.testrepo.TestRepository;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A private repository over TLS with a certificate of its own CA: --ca-file, or the runtime's own
 * trust ({@code javax.net.ssl.trustStore}), which a fetch over plain HTTP never sets up.
 */
class TlsIT {
  private static final char[] STORE_PASSWORD = "changeit".toCharArray();

  @TempDir Path dir;
  private RepositoryServer server;
  private Path caPem;

  @BeforeEach
  void startServer() throws Exception {
    Path store = dir.resolve("server.p12");
    caPem = dir.resolve("ca.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "repo",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass",
        "changeit");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "repo",
        "-keystore",
        store.toString(),
        "-storepass",
        "changeit",
        "-file",
        caPem.toString());
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, STORE_PASSWORD);
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, STORE_PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(factory.getKeyManagers(), null, null);
    server =
        RepositoryServer.startTls(Fixtures.acme(new TestRepository(dir.resolve("served"))), tls);
  }

  private static void keytool(String... args) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /** deps-fetch's jar in a JVM of its own, with these JVM options; its output, once it ended. */
  private ToolResult child(List<String> jvmOptions, String repositoryUrl, Path dest)
      throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("java", "-Xmx64m"));
    command.addAll(jvmOptions);
    command.addAll(
        List.of("-jar", Path.of("target", "deps-fetch.jar").toAbsolutePath().toString()));
    command.addAll(List.of("--no-default-repositories", "--repository", "test=" + repositoryUrl));
    command.addAll(List.of("--termination-log", dir.resolve("termination").toString()));
    command.addAll(List.of(Fixtures.APP, "--dest", dest.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("DEPS_FETCH_"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new ToolResult(process.exitValue(), "", output);
  }

  @Test
  void caFileLetsAPrivateRepositoryIn() {
    ToolResult result =
        DepsFetchRun.against(server, dir)
            .args(Fixtures.APP, "--ca-file", caPem.toString())
            .args("--dest", dir.resolve("volume/lib").toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(dir.resolve("volume/lib"))).hasSize(11);
  }

  @Test
  void runtimeTrustStoreLetsAPrivateRepositoryInWithoutCaFile() throws Exception {
    Path trustStore = dir.resolve("trust.p12");
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "repo",
        "-file",
        caPem.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        trustStore.toString(),
        "-storepass",
        "changeit");
    Path dest = dir.resolve("volume/lib");

    ToolResult result =
        child(
            List.of(
                "-Djavax.net.ssl.trustStore=" + trustStore,
                "-Djavax.net.ssl.trustStorePassword=changeit"),
            server.url(),
            dest);

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(dest)).hasSize(11);
  }

  @Test
  void plainHttpNeverSetsUpTheRuntimesTls() throws Exception {
    Path classes = dir.resolve("classes.log");
    Path dest = dir.resolve("volume/lib");
    ToolResult result;
    try (RepositoryServer http =
        RepositoryServer.start(Fixtures.acme(new TestRepository(dir.resolve("plain"))))) {
      result = child(List.of("-Xlog:class+load:file=" + classes), http.url(), dest);
    }

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(dest)).hasSize(11);
    // The runtime's TLS implementation, which loads its CA certificates when set up.
    assertThat(Files.readString(classes))
        .contains("javax.net.ssl.")
        .doesNotContain("sun.security.ssl.");
  }

  @Test
  void httpsGoesThroughTheProxyOfTheEnvironmentAsATunnel() throws Exception {
    try (ForwardProxy proxy = ForwardProxy.start()) {
      ToolResult result =
          DepsFetchRun.against(server, dir)
              .args(Fixtures.APP, "--ca-file", caPem.toString())
              .args("--dest", dir.resolve("volume/lib").toString())
              .env("HTTPS_PROXY", proxy.url())
              .env("HTTP_PROXY", "http://127.0.0.1:9")
              .run();

      assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
      assertThat(DepsFetchRun.files(dir.resolve("volume/lib"))).hasSize(11);
      assertThat(proxy.relayed())
          .isNotEmpty()
          .allMatch(
              uri ->
                  uri.toString().equals("https://" + URI.create(server.url()).getRawAuthority()));
    }
  }

  @Test
  void untrustedCertificateFailsAtOnceSayingWhatToDo() {
    ToolResult result =
        DepsFetchRun.against(server, dir)
            .args(Fixtures.APP, "--dest", dir.resolve("volume/lib").toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(1);
    assertThat(result.stderr())
        .contains("(permanent): TLS certificate not trusted")
        .contains("--ca-file");
    assertThat(dir.resolve("volume/lib")).doesNotExist();
  }

  @Test
  void caFileWithoutCertificatesExitsTwo() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");

    ToolResult result =
        DepsFetchRun.against(server, dir)
            .args(Fixtures.APP, "--ca-file", empty.toString())
            .args("--dest", dir.resolve("volume/lib").toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(2);
    assertThat(result.stderr()).contains("--ca-file");
    assertThat(dir.resolve("volume")).doesNotExist();
  }
}
