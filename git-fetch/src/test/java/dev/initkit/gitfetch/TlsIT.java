package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.succeeds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS to a server whose certificate comes from a private CA. */
class TlsIT {
  private static GitTestServer server;
  private static TestRepository repo;

  @TempDir Path volume;
  @TempDir Path secrets;

  @BeforeAll
  static void startServer() throws Exception {
    server = GitTestServer.startWithTls();
    repo = server.repo("tls");
    repo.commit("main", "one", TestRepository.tree().file("a", "over tls"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void trustsTheServerThroughTheCaFile() throws Exception {
    Path ca = Files.writeString(secrets.resolve("ca.pem"), server.caPem());
    Path dest = volume.resolve("src");

    succeeds(
        GitFetchTesting.gitFetch(
            volume,
            "--repo",
            repo.httpsUrl(),
            "--dest",
            dest.toString(),
            "--ca-file",
            ca.toString()));

    assertThat(dest.resolve("a")).hasContent("over tls");
  }

  @Test
  void anUntrustedCertificateFailsPermanentlyAndNamesTheOption() {
    ToolResult result =
        GitFetchTesting.gitFetch(
                volume, "--repo", repo.httpsUrl(), "--dest", volume.resolve("src").toString())
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("permanent").contains("--ca-file");
    assertThat(volume.resolve("src")).doesNotExist();
  }
}
