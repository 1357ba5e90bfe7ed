package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.depsfetch.testrepo.Fixtures;
import dev.initkit.depsfetch.testrepo.RepositoryServer;
import dev.initkit.depsfetch.testrepo.ServedAcmeRepository;
import dev.initkit.depsfetch.testrepo.TestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The served.repository() misbehaves: transient faults are retried, permanent ones fail closed. */
class FaultsIT {
  private static final String PASSWORD = "pa55-w0rd-secret";
  private static final String TOKEN = "t0ken-secret-value";

  @TempDir Path dir;
  @RegisterExtension final ServedAcmeRepository served = new ServedAcmeRepository();

  private Path dest() {
    return dir.resolve("out/lib");
  }

  private ToolResult fetch(String... more) {
    return DepsFetchRun.against(served.server(), dir)
        .args(Fixtures.APP, "--dest", dest().toString())
        .args(more)
        .run();
  }

  @Test
  void retriesWhenServerDropsFirstConnection() {
    served.server().dropConnections(1, RepositoryServer.artifactFiles());

    ToolResult result = fetch();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(result.stderr()).contains("attempt 1 failed (transient");
    assertThat(DepsFetchRun.files(dest())).hasSize(11);
  }

  @Test
  void retriesWhenConnectionDropsMidFile() {
    served.server().dropMidFile(1, RepositoryServer.pathEndsWith("core-1.0.jar"));

    ToolResult result = fetch();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(result.stderr()).contains("attempt 1 failed (transient");
    assertThat(dest().resolve("core-1.0.jar"))
        .hasBinaryContent(served.repository().read("org.acme:core:1.0", "", "jar"));
  }

  @Test
  void retriesAfterServerErrorThenSucceeds() {
    served.server().answer(500, 1, RepositoryServer.pathEndsWith(".pom"));

    ToolResult result = fetch();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(result.stderr()).contains("attempt 1 failed (transient: HTTP 500");
  }

  @Test
  void serverErrorsUntilTheDeadlineExitThree() {
    served.server().answer(503, 10_000, RepositoryServer.artifactFiles());

    ToolResult result = fetch("--timeout", "1s");

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(3);
    assertThat(result.stderr()).contains("timed out after 1s").contains("HTTP 503");
    assertThat(dest()).doesNotExist();
  }

  @Test
  void rateLimitIsRetried() {
    served.server().answer(429, 2, RepositoryServer.artifactFiles());

    ToolResult result = fetch();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(result.stderr()).contains("(transient: HTTP 429");
  }

  @Test
  void unreachableRepositoryIsRetriedUntilTheDeadline() throws IOException {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    ToolResult result =
        dev.initkit.common.testkit.ToolRun.of(new DepsFetchCommand())
            .args(
                "--no-default-repositories",
                "--repository",
                "gone=http://127.0.0.1:" + closedPort + "/")
            .args("--timeout", "1s", "--retry-initial", "10ms", "--retry-max-interval", "100ms")
            .args("--termination-log", dir.resolve("termination").toString())
            .args(Fixtures.APP, "--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(3);
    assertThat(result.stderr()).contains("timed out after 1s").contains("connection refused");
    assertThat(dest()).doesNotExist();
  }

  @Test
  void wrongChecksumFailsClosedAndPlacesNothing() {
    served.server().corruptChecksums(RepositoryServer.pathEndsWith("deep-1.0.jar"));

    ToolResult result = fetch();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(1);
    assertThat(result.stderr())
        .contains("(permanent): checksum mismatch")
        .contains("org.acme:deep:jar:1.0");
    assertThat(dest()).doesNotExist();
    assertThat(DepsFetchRun.besideDest(dest())).isEmpty();
  }

  @Test
  void fileWithoutAnyAcceptedChecksumFailsClosed() throws IOException {
    for (String extension : new String[] {"sha512", "sha256", "sha1"}) {
      Files.delete(
          served
              .repository()
              .root()
              .resolve(TestRepository.path("org.acme:quiet:1.0", "", "jar." + extension)));
    }

    ToolResult strict = fetch();
    ToolResult withMd5 = fetch("--checksums", "sha512,sha256,sha1,md5");

    assertThat(strict.exitCode()).as(DepsFetchRun.describe(strict)).isEqualTo(1);
    assertThat(strict.stderr()).contains("(permanent): checksum mismatch").contains("quiet");
    assertThat(withMd5.exitCode()).as(DepsFetchRun.describe(withMd5)).isZero();
  }

  @Test
  void missingArtifactExitsOneNamingArtifactAndRepository() {
    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args("org.acme:nowhere:1.0", "--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(1);
    assertThat(result.stderr())
        .contains("(permanent): not found")
        .contains("org.acme:nowhere:jar:1.0")
        .contains(served.server().url());
    assertThat(dir.resolve("termination")).content().contains("org.acme:nowhere");
    assertThat(dest()).doesNotExist();
  }

  @Test
  void basicAuthenticationWithPasswordFile() throws IOException {
    served.server().requireBasicAuth("deployer", PASSWORD);
    Path password = Files.writeString(dir.resolve("password"), PASSWORD + "\n");

    ToolResult result =
        fetch(
            "--repository-username",
            "test=deployer",
            "--repository-password-file",
            "test=" + password,
            "--verbose");

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(result.stderr()).doesNotContain(PASSWORD);
  }

  @Test
  void wrongPasswordExitsOneAndNeverShowsIt() throws IOException {
    served.server().requireBasicAuth("deployer", "the-right-one");
    Path password = Files.writeString(dir.resolve("password"), PASSWORD);
    Path report = dir.resolve("report.json");

    ToolResult result =
        fetch(
            "--repository-username",
            "test=deployer",
            "--repository-password-file",
            "test=" + password,
            "--report",
            report.toString(),
            "--verbose");

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(1);
    assertThat(result.stderr())
        .contains("(permanent): unauthorized (HTTP 401)")
        .doesNotContain(PASSWORD);
    assertThat(report).content().doesNotContain(PASSWORD);
    assertThat(dir.resolve("termination")).content().doesNotContain(PASSWORD);
    assertThat(result.stderr()).contains("attempt 1 failed (permanent").doesNotContain("attempt 2");
  }

  @Test
  void tokenSentAsBearerAuthorization() throws IOException {
    served.server().requireHeader("Authorization", "Bearer " + TOKEN);
    Path token = Files.writeString(dir.resolve("token"), TOKEN + "\n");

    ToolResult result = fetch("--repository-token-file", "test=" + token, "--verbose");

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(result.stderr()).doesNotContain(TOKEN);
  }

  @Test
  void tokenSentInANamedHeader() throws IOException {
    served.server().requireHeader("Private-Token", TOKEN);
    Path token = Files.writeString(dir.resolve("token"), TOKEN);

    ToolResult result =
        fetch(
            "--repository-token-file",
            "test=" + token,
            "--repository-token-header",
            "test=Private-Token");

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
  }

  @Test
  void failedRunLeavesThePreviousResultInPlace() {
    assertThat(fetch().exitCode()).isZero();
    byte[] before = served.repository().read(Fixtures.APP, "", "jar");

    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, "org.acme:nowhere:1.0", "--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(dest().resolve("app-1.0.jar")).hasBinaryContent(before);
    assertThat(DepsFetchRun.files(dest())).hasSize(11);
    assertThat(DepsFetchRun.besideDest(dest())).containsExactly("lib");
  }
}
