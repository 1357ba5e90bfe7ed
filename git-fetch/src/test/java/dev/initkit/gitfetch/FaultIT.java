package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.leftovers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Scripted server faults: each is classified, nothing partial is published, and it recovers. */
class FaultIT {
  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();
  private static TestRepository repo;

  @TempDir Path volume;

  @BeforeAll
  static void startServer() throws Exception {
    repo = server.repo("big");
    repo.commit(
        "main",
        "one",
        TestRepository.tree().file("README.md", "big\n").randomFile("blob.bin", 512 * 1024, 42));
  }

  private ToolRun gitFetch(String... args) {
    return GitFetchTesting.gitFetch(volume, args);
  }

  /** Retries quickly in tests; the deadline is short so that a fault that stays ends soon. */
  private static final String[] FAST_RETRIES = {
    "--retry-initial", "50ms", "--retry-max-interval", "200ms"
  };

  @Test
  void retriesWhenTheServerDropsTheConnectionMidPack() {
    Path dest = volume.resolve("src");
    server.faults().dropNextPacks(1, 128 * 1024);

    ToolResult result =
        gitFetch("--repo", repo.url(), "--dest", dest.toString(), "--timeout", "30s")
            .args(FAST_RETRIES)
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).contains("WARN").contains("transient");
    assertThat(dest.resolve("blob.bin")).hasSize(512 * 1024);
    assertThat(server.faults().packRequests()).isGreaterThanOrEqualTo(2);
    assertThat(leftovers(volume)).isEmpty();
  }

  @Test
  void aConnectionThatKeepsDroppingEndsAtTheDeadlineWithNothingPublished() {
    Path dest = volume.resolve("src");
    server.faults().dropNextPacks(1_000, 128 * 1024);

    ToolResult result =
        gitFetch("--repo", repo.url(), "--dest", dest.toString())
            .args(FAST_RETRIES)
            .args("--timeout", "1s")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(3);
    assertThat(result.stderr()).contains("timed out").contains("transient");
    assertThat(dest).doesNotExist();
    assertThat(leftovers(volume)).isEmpty();
  }

  @Test
  void aServerThatStallsMidPackEndsAtTheDeadlineWithNothingPublished() {
    Path dest = volume.resolve("src");
    server.faults().stallPacks(128 * 1024);

    ToolResult result;
    try {
      result =
          gitFetch("--repo", repo.url(), "--dest", dest.toString())
              .args(FAST_RETRIES)
              .args("--timeout", "2s")
              .run();
    } finally {
      server.faults().release();
    }

    // The socket's read timeout ends the stalled read (JGit's own timer is off for HTTP), not the
    // server giving up on the connection long after.
    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(3);
    assertThat(result.stderr()).contains("transient").containsIgnoringCase("read timed out");
    assertThat(dest).doesNotExist();
    assertThat(leftovers(volume)).isEmpty();
  }

  @Test
  void serverErrorsAreRetried() {
    server.faults().failNextRequests(2, 503);
    Path dest = volume.resolve("src");

    ToolResult result =
        gitFetch("--repo", repo.url(), "--dest", dest.toString(), "--timeout", "30s")
            .args(FAST_RETRIES)
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).contains("transient").contains("503");
    assertThat(dest.resolve("README.md")).hasContent("big");
  }

  @Test
  void connectionRefusedIsRetriedUntilTheDeadline() throws Exception {
    ToolResult result =
        gitFetch(
                "--repo",
                GitTestServer.unreachableUrl(),
                "--dest",
                volume.resolve("src").toString())
            .args(FAST_RETRIES)
            .args("--timeout", "1s")
            .run();

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderr()).contains("transient").contains("connection refused");
    assertThat(volume.resolve("src")).doesNotExist();
  }

  @Test
  void permanentFailuresAreNotRetried() {
    int before = server.faults().packRequests();

    ToolResult result =
        gitFetch(
                "--repo",
                repo.url(),
                "--ref",
                "0123456789012345678901234567890123456789",
                "--dest",
                volume.resolve("src").toString())
            .args(FAST_RETRIES)
            .run();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("permanent");
    assertThat(server.faults().packRequests()).isEqualTo(before + 1);
  }
}
