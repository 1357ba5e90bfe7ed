package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.SyncTesting.awaitTrue;
import static dev.initkit.gitfetch.SyncTesting.freePort;
import static dev.initkit.gitfetch.SyncTesting.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ProcessResult;
import dev.initkit.common.testkit.ToolImage;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image in sync mode, as a native sidecar runs: /healthz probed from the host (the container
 * shares the host's network), an update picked up, and {@code podman stop} (SIGTERM) ending it with
 * exit 0.
 */
class GitFetchSyncImageIT {
  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();
  private static ToolImage image;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    image = ToolImage.loadFromBuild();
  }

  @AfterAll
  static void stop() {
    image.close();
  }

  @Test
  void servesHealthzToTheHostFollowsTheRemoteAndStopsWithZeroOnSigterm() throws Exception {
    TestRepository repo = server.repo("image-sync");
    repo.commit("main", "one", TestRepository.tree().file("v", "1"));
    Path volume = ToolImage.sharedVolume(dir);
    int port = freePort();
    String name = "git-fetch-sync-it-" + port;

    CompletableFuture<ProcessResult> run =
        image
            .tool()
            .name(name)
            .groupAdd(ToolImage.FS_GROUP)
            .volume(volume, "/volume", false)
            .args(
                "--repo",
                repo.url(),
                "--root",
                "/volume/git",
                "--link",
                "app",
                "--period",
                "200ms",
                "--http-bind",
                "127.0.0.1:" + port)
            .start(ToolImage.RUN_TIMEOUT);
    try {
      awaitTrue(
          "/healthz 200 from the host",
          () -> {
            HttpResponse<String> health = get(port, "/healthz");
            return health != null && health.statusCode() == 200;
          });
      assertThat(volume.resolve("git/app/v")).hasContent("1");

      String second = repo.commit("main", "two", TestRepository.tree().file("v", "2"));
      awaitTrue(
          "the update", () -> get(port, "/metrics").body().contains("commit=\"" + second + "\""));
      assertThat(volume.resolve("git/app/v")).hasContent("2");

      ProcessResult stopped =
          image.podman().command(Duration.ofSeconds(60), "stop", "-t", "20", name);
      assertThat(stopped.exitCode()).as(stopped.stderr()).isZero();
      ProcessResult result = run.get(60, TimeUnit.SECONDS);

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(result.stderr()).contains("updated ", "stopped syncing");
      assertThat(Files.readSymbolicLink(volume.resolve("git/app")))
          .isEqualTo(Path.of(".worktrees", second));
    } finally {
      image.podman().command(Duration.ofSeconds(60), "rm", "-f", "--ignore", name);
    }
  }
}
