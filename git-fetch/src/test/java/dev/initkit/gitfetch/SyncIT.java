package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.leftovers;
import static dev.initkit.gitfetch.SyncTesting.awaitTrue;
import static dev.initkit.gitfetch.SyncTesting.contentOrNull;
import static dev.initkit.gitfetch.SyncTesting.freePort;
import static dev.initkit.gitfetch.SyncTesting.get;
import static dev.initkit.gitfetch.SyncTesting.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import dev.initkit.gitfetch.SyncTesting.BackgroundRun;
import dev.initkit.gitfetch.SyncTesting.WebhookReceiver;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Sync mode in process: the loop, its touch file, webhook, health and metrics endpoints. */
class SyncIT {
  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();

  @TempDir Path volume;

  private Path root() {
    return volume.resolve("git");
  }

  private Path link() {
    return root().resolve("app");
  }

  private ToolRun sync(String url, String... more) {
    return syncWithTimeout(url, "5s", more);
  }

  /** Sync mode every 100 ms, each sync retried for at most {@code timeout}. */
  private ToolRun syncWithTimeout(String url, String timeout, String... more) {
    return GitFetchTesting.gitFetch(
            volume,
            "--repo",
            url,
            "--root",
            root().toString(),
            "--link",
            "app",
            "--period",
            "100ms",
            "--timeout",
            timeout,
            "--retry-initial",
            "50ms",
            "--retry-max-interval",
            "100ms")
        .args(more);
  }

  @Test
  void seesAPushedCommitAndSwapsTheLink() throws Exception {
    TestRepository repo = server.repo("sync-push");
    String first = repo.commit("main", "one", TestRepository.tree().file("v", "1"));

    try (BackgroundRun run = new BackgroundRun(sync(repo.url()))) {
      awaitTrue("the first checkout", () -> "1".equals(contentOrNull(link().resolve("v"))));
      assertThat(Files.readSymbolicLink(link())).isEqualTo(Path.of(".worktrees", first));

      String second = repo.commit("main", "two", TestRepository.tree().file("v", "2"));

      awaitTrue("the pushed commit", () -> "2".equals(contentOrNull(link().resolve("v"))));
      assertThat(Files.readSymbolicLink(link())).isEqualTo(Path.of(".worktrees", second));
      awaitTrue(
          "the old checkout pruned",
          () -> !Files.exists(root().resolve(".worktrees").resolve(first)));
      ToolResult result = run.stop();

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(result.stderr())
          .contains("syncing every 100ms", "updated " + repo.url(), "stopped syncing")
          .doesNotContain("verified " + repo.url());
      assertThat(leftovers(root())).isEmpty();
    }
  }

  @Test
  void touchesTheFileAndCallsTheWebhookWithTheHashAfterEachUpdate() throws Exception {
    TestRepository repo = server.repo("sync-hooks");
    String first = repo.commit("main", "one", TestRepository.tree().file("v", "1"));
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      // The first call fails: the webhook is retried in the background.
      receiver.failNext(1);
      try (BackgroundRun run =
          new BackgroundRun(
              sync(
                  repo.url(),
                  "--touch-file",
                  "touched",
                  "--webhook-url",
                  receiver.url(),
                  "--webhook-method",
                  "put"))) {
        assertThat(receiver.nextCall()).isEqualTo(first);
        assertThat(receiver.methods.poll()).isEqualTo("PUT");
        Path touched = root().resolve("touched");
        assertThat(touched).exists();
        FileTime before = FileTime.fromMillis(0);
        Files.setLastModifiedTime(touched, before);

        String second = repo.commit("main", "two", TestRepository.tree().file("v", "2"));

        assertThat(receiver.nextCall()).isEqualTo(second);
        awaitTrue("the touch", () -> modified(touched).compareTo(before) > 0);
        ToolResult result = run.stop();
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).contains("webhook", "retrying");
        // No update, no call: the syncs in between found the commit in place.
        assertThat(receiver.calls).isEmpty();
      }
    }
  }

  @Test
  void aHangingWebhookHoldsUpNoSyncAndTheNewestCommitIsAnnouncedAfterIt() throws Exception {
    TestRepository repo = server.repo("sync-slow-hook");
    String first = repo.commit("main", "one", TestRepository.tree().file("v", "1"));
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      receiver.hold();
      try (BackgroundRun run =
          new BackgroundRun(
              sync(repo.url(), "--webhook-url", receiver.url(), "--webhook-timeout", "1m"))) {
        awaitTrue("the first checkout", () -> "1".equals(contentOrNull(link().resolve("v"))));

        String second = repo.commit("main", "two", TestRepository.tree().file("v", "2"));

        awaitTrue("the update", () -> "2".equals(contentOrNull(link().resolve("v"))));
        assertThat(receiver.calls).as("the receiver still hangs").isEmpty();
        receiver.release();
        assertThat(receiver.nextCall()).isEqualTo(first);
        assertThat(receiver.nextCall()).isEqualTo(second);
        assertThat(run.stop().exitCode()).isZero();
      }
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (java.io.IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  @Test
  void healthzAnswers503UntilTheFirstSyncPublishedThen200() throws Exception {
    TestRepository repo = server.repo("sync-health");
    String commit =
        repo.commit(
            "main",
            "one",
            TestRepository.tree().file("v", "1").randomFile("blob.bin", 512 * 1024, 3));
    server.faults().stallPacks(64 * 1024);
    int port = freePort();

    try (BackgroundRun run =
        new BackgroundRun(sync(repo.url(), "--http-bind", "127.0.0.1:" + port))) {
      assertThat(server.faults().awaitStalled(SyncTesting.WAIT)).isTrue();
      HttpResponse<String> before = get(port, "/healthz");
      assertThat(before).isNotNull();
      assertThat(before.statusCode()).isEqualTo(503);
      assertThat(before.body()).contains("waiting for the first sync");
      assertThat(link()).doesNotExist();

      server.faults().release();

      awaitTrue(
          "healthy",
          () -> {
            HttpResponse<String> now = get(port, "/healthz");
            return now != null && now.statusCode() == 200;
          });
      assertThat(get(port, "/healthz").body()).contains(commit);
      assertThat(link().resolve("v")).hasContent("1");
      assertThat(get(port, "/nothing").statusCode()).isEqualTo(404);
      assertThat(get(port, "/healthz/x").statusCode()).isEqualTo(404);
      assertThat(post(port, "/healthz").statusCode()).isEqualTo(405);
      assertThat(run.stop().exitCode()).isZero();
    }
    assertThat(get(port, "/healthz")).as("the server stopped with the run").isNull();
  }

  @Test
  void metricsCountSyncsByResultAndNameThePublishedCommit() throws Exception {
    TestRepository repo = server.repo("sync-metrics");
    String commit = repo.commit("main", "one", TestRepository.tree().file("v", "1"));
    int port = freePort();

    try (BackgroundRun run = new BackgroundRun(sync(repo.url(), "--http-bind", ":" + port))) {
      awaitTrue(
          "a sync that found the commit in place",
          () -> {
            HttpResponse<String> now = get(port, "/metrics");
            return now != null
                && now.statusCode() == 200
                && !now.body().contains("git_fetch_syncs_total{result=\"noop\"} 0");
          });
      HttpResponse<String> metrics = get(port, "/metrics");
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValue("text/plain; version=0.0.4; charset=utf-8");
      assertThat(metrics.body())
          .contains(
              "# TYPE git_fetch_syncs_total counter",
              "git_fetch_syncs_total{result=\"success\"} 1\n",
              "git_fetch_syncs_total{result=\"error\"} 0\n",
              "git_fetch_sync_duration_seconds_count{result=\"success\"} 1\n",
              "git_fetch_consecutive_failures 0\n",
              "git_fetch_published_info{ref=\"HEAD\",commit=\"" + commit + "\"} 1\n")
          .containsPattern("git_fetch_last_success_timestamp_seconds 1[0-9]{9}\\.[0-9]{3}\n")
          .doesNotContain("127.0.0.1:" + server.port());
      assertThat(run.stop().exitCode()).isZero();
    }
  }

  @Test
  void exitsOneWhenMoreSyncsInARowFailThanMaxFailuresAndKeepsTheCheckout() throws Exception {
    GitTestServer own = GitTestServer.start();
    TestRepository repo = own.repo("sync-down");
    String commit = repo.commit("main", "one", TestRepository.tree().file("v", "1"));
    ToolResult result;
    try (BackgroundRun run =
        new BackgroundRun(syncWithTimeout(repo.url(), "200ms", "--max-failures", "2"))) {
      awaitTrue("the first checkout", () -> "1".equals(contentOrNull(link().resolve("v"))));

      own.close();

      result = run.awaitExit();
    }

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("gave up after 3 failed syncs in a row (--max-failures 2)")
        .contains("connection refused");
    assertThat(Files.readSymbolicLink(link())).isEqualTo(Path.of(".worktrees", commit));
    assertThat(link().resolve("v")).hasContent("1");
    assertThat(leftovers(root())).isEmpty();
  }

  @Test
  void anHttpAddressInUseExitsOneBeforeFetching() throws Exception {
    TestRepository repo = server.repo("sync-port-taken");
    repo.commit("main", "one", TestRepository.tree().file("v", "1"));
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ToolResult result =
          sync(repo.url(), "--http-bind", "127.0.0.1:" + taken.getLocalPort()).run();

      assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
      assertThat(result.stderr()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
      assertThat(root()).doesNotExist();
    }
  }

  @Test
  void theFirstSyncFailingEndsTheRunAsAOneShotRunWould() throws Exception {
    ToolResult result =
        sync(server.repo("sync-missing").url() + "-absent", "--max-failures", "-1").run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("permanent");
    assertThat(link()).doesNotExist();
  }

  @Test
  void failedSyncsAreToleratedWithMaxFailuresMinusOneAndHealthSaysSo() throws Exception {
    TestRepository repo = server.repo("sync-flaky");
    repo.commit("main", "one", TestRepository.tree().file("v", "1"));
    int port = freePort();
    try (BackgroundRun run =
        new BackgroundRun(
            syncWithTimeout(
                repo.url(), "200ms", "--max-failures", "-1", "--http-bind", "127.0.0.1:" + port))) {
      awaitTrue("the first checkout", () -> "1".equals(contentOrNull(link().resolve("v"))));

      server.faults().failNextRequests(1_000_000, 503);

      awaitTrue(
          "failures counted",
          () -> {
            HttpResponse<String> now = get(port, "/metrics");
            return now != null && now.body().contains("git_fetch_consecutive_failures 2\n");
          });
      HttpResponse<String> health = get(port, "/healthz");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("syncs failed");
      server.faults().reset();
      awaitTrue(
          "recovered",
          () -> get(port, "/metrics").body().contains("git_fetch_consecutive_failures 0\n"));
      ToolResult result = run.stop();
      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(result.stderr()).contains("sync failed", "sync recovered after");
    }
  }
}
