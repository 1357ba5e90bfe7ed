package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.leftovers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripted server faults: each is classified, nothing partial is published, and it recovers. */
class FaultIT {
  private static GitTestServer server;
  private static TestRepository repo;

  @TempDir Path volume;

  @BeforeAll
  static void startServer() throws Exception {
    server = GitTestServer.start();
    repo = server.repo("big");
    repo.commit(
        "main",
        "one",
        TestRepository.tree().file("README.md", "big\n").randomFile("blob.bin", 512 * 1024, 42));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @AfterEach
  void resetFaults() {
    server.faults().reset();
  }

  private ToolRun gitFetch(String... args) {
    return GitFetchTesting.gitFetch(volume, args);
  }

  @Test
  void connectionDroppedMidPackIsTransientPublishesNothingAndTheNextRunSucceeds() {
    Path dest = volume.resolve("src");
    server.faults().dropNextPacks(1, 128 * 1024);

    ToolResult dropped = gitFetch("--repo", repo.url(), "--dest", dest.toString()).run();

    assertThat(dropped.exitCode()).as(dropped.stderr()).isEqualTo(1);
    assertThat(dropped.stderr()).contains("transient");
    assertThat(dest).doesNotExist();
    assertThat(leftovers(volume)).isEmpty();

    ToolResult recovered = gitFetch("--repo", repo.url(), "--dest", dest.toString()).run();

    assertThat(recovered.exitCode()).as(recovered.stderr()).isZero();
    assertThat(dest.resolve("blob.bin")).hasSize(512 * 1024);
  }

  @Test
  void serverErrorIsTransient() {
    server.faults().failNextRequests(1, 503);

    ToolResult result =
        gitFetch("--repo", repo.url(), "--dest", volume.resolve("src").toString()).run();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("transient").contains("503");
    assertThat(volume.resolve("src")).doesNotExist();
  }

  @Test
  void serverErrorDuringThePackIsTransient() {
    // The ref listing succeeds, the pack request fails.
    server.faults().failNextRequests(0, 503);
    Path dest = volume.resolve("src");
    server.faults().dropNextPacks(1, 0);

    ToolResult result = gitFetch("--repo", repo.url(), "--dest", dest.toString()).run();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("transient");
    assertThat(dest).doesNotExist();
  }

  @Test
  void connectionRefusedIsTransient() throws Exception {
    ToolResult result =
        gitFetch(
                "--repo",
                GitTestServer.unreachableUrl(),
                "--dest",
                volume.resolve("src").toString())
            .run();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("transient").contains("connection refused");
    assertThat(volume.resolve("src")).doesNotExist();
  }
}
