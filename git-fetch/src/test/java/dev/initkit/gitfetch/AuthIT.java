package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.filesContaining;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS credentials: used for the request, never stored in the volume, never logged. */
class AuthIT {
  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();
  private static TestRepository repo;

  @TempDir Path volume;
  @TempDir Path secrets;

  @BeforeAll
  static void startServer() throws Exception {
    repo = server.repo("private");
    repo.commit("main", "one", TestRepository.tree().file("secret-plans.txt", "plans"));
  }

  private ToolRun gitFetch(String... args) {
    return GitFetchTesting.gitFetch(volume, args);
  }

  private Path secretFile(String name, String value) throws Exception {
    return Files.writeString(secrets.resolve(name), value + "\n");
  }

  private void assertNoSecretIn(ToolResult result, Path dest, String secret) {
    assertThat(result.stderr()).doesNotContain(secret);
    assertThat(result.stdout()).doesNotContain(secret);
    if (Files.exists(dest)) {
      assertThat(filesContaining(dest, secret)).isEmpty();
    }
    Path report = volume.resolve("report.json");
    if (Files.exists(report)) {
      assertThat(report).content().doesNotContain(secret);
    }
    Path termination = volume.resolve("termination-log");
    if (Files.exists(termination)) {
      assertThat(termination).content().doesNotContain(secret);
    }
  }

  @Test
  void basicAuthWithPasswordFileClonesAndStoresNoCredentials() throws Exception {
    Path dest = volume.resolve("src");

    ToolResult result =
        gitFetch(
                "--repo",
                repo.basicAuthUrl(),
                "--dest",
                dest.toString(),
                "--username",
                GitTestServer.USERNAME,
                "--password-file",
                secretFile("password", GitTestServer.PASSWORD).toString(),
                "--report",
                volume.resolve("report.json").toString())
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(dest.resolve("secret-plans.txt")).hasContent("plans");
    assertThat(dest.resolve(".git/config")).content().contains(repo.basicAuthUrl());
    assertNoSecretIn(result, dest, GitTestServer.PASSWORD);
  }

  @Test
  void credentialsInTheUrlAreUsedButNeverStoredOrLogged() throws Exception {
    Path dest = volume.resolve("src");
    String url =
        repo.basicAuthUrl()
            .replace(
                "http://", "http://" + GitTestServer.USERNAME + ":" + GitTestServer.PASSWORD + "@");

    ToolResult result =
        gitFetch(
                "--repo",
                url,
                "--dest",
                dest.toString(),
                "--report",
                volume.resolve("report.json").toString())
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(dest.resolve(".git/config")).content().doesNotContain(GitTestServer.USERNAME);
    assertNoSecretIn(result, dest, GitTestServer.PASSWORD);
  }

  @Test
  void wrongPasswordFailsPermanentlyAndSaysWhatToCheck() throws Exception {
    Path dest = volume.resolve("src");
    String wrong = "wr0ng-pa55word";

    ToolResult result =
        gitFetch(
                "--repo",
                repo.basicAuthUrl(),
                "--dest",
                dest.toString(),
                "--username",
                GitTestServer.USERNAME,
                "--password-file",
                secretFile("password", wrong).toString())
            .run();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("permanent").contains("--password-file");
    assertThat(dest).doesNotExist();
    assertNoSecretIn(result, volume, wrong);
  }

  @Test
  void missingCredentialsFailPermanently() {
    ToolResult result =
        gitFetch("--repo", repo.basicAuthUrl(), "--dest", volume.resolve("src").toString()).run();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("permanent").contains("credentials");
  }

  @Test
  void bearerTokenFromFileIsSentAsHeaderAndNeverStored() throws Exception {
    Path dest = volume.resolve("src");

    ToolResult result =
        gitFetch(
                "--repo",
                repo.bearerUrl(),
                "--dest",
                dest.toString(),
                "--bearer-token-file",
                secretFile("token", GitTestServer.BEARER_TOKEN).toString(),
                "--report",
                volume.resolve("report.json").toString())
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(dest.resolve("secret-plans.txt")).hasContent("plans");
    assertNoSecretIn(result, dest, GitTestServer.BEARER_TOKEN);
  }

  @Test
  void wrongBearerTokenFailsPermanently() throws Exception {
    String wrong = "not-the-token-123";
    ToolResult result =
        gitFetch(
                "--repo",
                repo.bearerUrl(),
                "--dest",
                volume.resolve("src").toString(),
                "--bearer-token",
                wrong)
            .run();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("permanent");
    assertNoSecretIn(result, volume, wrong);
  }

  @Test
  void passwordFileIsReadAgainOnEachAttempt() throws Exception {
    Path password = secretFile("password", GitTestServer.PASSWORD);
    // The first attempt meets a 503; while it is served, the Secret is rotated to a value the
    // server does not accept. The retry must send the new value (and fail on it).
    server
        .faults()
        .failNextRequests(
            1,
            503,
            () -> {
              try {
                Files.writeString(password, "rotated-but-wrong\n");
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    try {
      ToolResult result =
          gitFetch(
                  "--repo",
                  repo.basicAuthUrl(),
                  "--dest",
                  volume.resolve("src").toString(),
                  "--username",
                  GitTestServer.USERNAME,
                  "--password-file",
                  password.toString(),
                  "--retry-initial",
                  "50ms")
              .run();

      assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
      assertThat(result.stderr()).contains("503").contains("refused the credentials");
      assertNoSecretIn(result, volume, "rotated-but-wrong");
    } finally {
      server.faults().reset();
    }
  }
}
