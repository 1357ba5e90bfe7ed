package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.leftovers;
import static dev.initkit.gitfetch.SyncTesting.awaitTrue;
import static dev.initkit.gitfetch.SyncTesting.contentOrNull;
import static dev.initkit.gitfetch.SyncTesting.freePort;
import static dev.initkit.gitfetch.SyncTesting.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to git-fetch in sync mode, a real child process: exit 0, the link whole. */
class SyncKillIT {
  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();

  @TempDir Path volume;
  @TempDir Path outside;

  private Path root() {
    return volume.resolve("git");
  }

  private Process startSync(TestRepository repo, String... more) throws Exception {
    String[] args = {
      "--repo", repo.url(), "--root", root().toString(), "--link", "app", "--period", "200ms"
    };
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return ChildGitFetch.start(outside, all);
  }

  private String childLog() throws Exception {
    return Files.readString(outside.resolve("child.log"), StandardCharsets.UTF_8);
  }

  private int terminate(Process child) throws Exception {
    child.destroy();
    assertThat(child.waitFor(SyncTesting.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    return child.exitValue();
  }

  @Test
  void sigtermBetweenSyncsExitsZeroWithTheLinkIntact() throws Exception {
    TestRepository repo = server.repo("sync-term");
    String commit = repo.commit("main", "one", TestRepository.tree().file("v", "1"));
    int port = freePort();
    Process child = startSync(repo, "--http-bind", "127.0.0.1:" + port);
    try {
      awaitTrue(
          "healthy",
          () -> {
            HttpResponse<String> health = get(port, "/healthz");
            return health != null && health.statusCode() == 200;
          });

      assertThat(terminate(child)).as(childLog()).isZero();

      assertThat(Files.readSymbolicLink(root().resolve("app")))
          .isEqualTo(Path.of(".worktrees", commit));
      assertThat(root().resolve("app/v")).hasContent("1");
      assertThat(childLog()).contains("stopped syncing");
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void sigtermDuringAnUpdateExitsZeroAndLeavesOneWholeCheckoutLinked() throws Exception {
    TestRepository repo = server.repo("sync-term-update");
    String first = repo.commit("main", "one", TestRepository.tree().file("v", "1"));
    Process child = startSync(repo);
    try {
      awaitTrue("the first checkout", () -> "1".equals(contentOrNull(root().resolve("app/v"))));
      TestRepository.Tree tree = TestRepository.tree().file("v", "2");
      for (int i = 0; i < 400; i++) {
        tree.randomFile("f" + i + ".bin", 8 * 1024, i);
      }
      server.faults().throttlePacks(16 * 1024, Duration.ofMillis(20));
      String second = repo.commit("main", "two", tree);
      Path worktrees = root().resolve(".worktrees");
      awaitTrue("the update under way", () -> !leftovers(worktrees).isEmpty());

      assertThat(terminate(child)).as(childLog()).isZero();

      // Stopped (the transfer checks between objects), or finished within the grace: the link
      // names one whole checkout either way, never half of one.
      Path target = Files.readSymbolicLink(root().resolve("app"));
      if (target.equals(Path.of(".worktrees", first))) {
        assertThat(root().resolve("app/v")).hasContent("1");
        assertThat(leftovers(worktrees)).as("the abandoned staging").isEmpty();
      } else {
        assertThat(target).isEqualTo(Path.of(".worktrees", second));
        assertThat(root().resolve("app/f399.bin")).hasSize(8 * 1024);
      }
    } finally {
      child.destroyForcibly();
    }
  }
}
