package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.git;
import static dev.initkit.gitfetch.GitFetchTesting.leftovers;
import static dev.initkit.gitfetch.GitFetchTesting.succeeds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Init containers run again when a Pod restarts: what a second run finds and does. */
class RerunIT {
  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();

  @TempDir Path volume;

  private ToolRun gitFetch(String... args) {
    return GitFetchTesting.gitFetch(volume, args);
  }

  private JsonNode report(Path file) throws Exception {
    return new ObjectMapper().readTree(Files.readString(file)).get("result");
  }

  @Test
  void rerunWithTheCommitInPlaceVerifiesItWithoutDownloading() throws Exception {
    TestRepository repo = server.repo("same");
    String commit = repo.commit("main", "one", TestRepository.tree().file("a", "a"));
    Path dest = volume.resolve("src");
    Path report = volume.resolve("report.json");
    GitFetchTesting.succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString()));
    int packsBefore = server.faults().packRequests();

    ToolResult again =
        gitFetch("--repo", repo.url(), "--dest", dest.toString(), "--report", report.toString())
            .run();

    assertThat(again.exitCode()).as(again.stderr()).isZero();
    assertThat(server.faults().packRequests()).isEqualTo(packsBefore);
    assertThat(report(report).get("action").asText()).isEqualTo("verified");
    assertThat(report(report).get("commit").asText()).isEqualTo(commit);
    assertThat(again.stderr()).contains("verified " + repo.url() + " at " + commit.substring(0, 8));
  }

  @Test
  void rerunWithACommitIdInPlaceNeedsNoNetwork() throws Exception {
    TestRepository repo = server.repo("byid");
    String commit = repo.commit("main", "one", TestRepository.tree().file("a", "a"));
    Path dest = volume.resolve("src");
    GitFetchTesting.succeeds(
        gitFetch("--repo", repo.url(), "--ref", commit, "--dest", dest.toString()));

    ToolResult offline =
        gitFetch(
                "--repo",
                GitTestServer.unreachableUrl(),
                "--ref",
                commit,
                "--dest",
                dest.toString())
            .run();

    assertThat(offline.exitCode()).as(offline.stderr()).isZero();
    assertThat(offline.stderr()).contains("verified");
  }

  @Test
  void rerunAfterTheBranchMovedUpdatesToTheNewCommit() throws Exception {
    TestRepository repo = server.repo("moved");
    repo.commit("main", "one", TestRepository.tree().file("a", "1").file("old-only", "x"));
    Path dest = volume.resolve("src");
    Path report = volume.resolve("report.json");
    GitFetchTesting.succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString()));
    String second = repo.commit("main", "two", TestRepository.tree().file("a", "2"));

    ToolResult again =
        gitFetch("--repo", repo.url(), "--dest", dest.toString(), "--report", report.toString())
            .run();

    assertThat(again.exitCode()).as(again.stderr()).isZero();
    assertThat(dest.resolve("a")).hasContent("2");
    assertThat(dest.resolve("old-only")).doesNotExist();
    assertThat(git(dest, "rev-parse", "HEAD")).isEqualTo(second);
    assertThat(report(report).get("action").asText()).isEqualTo("updated");
    assertThat(leftovers(volume)).isEmpty();
  }

  @Test
  void unreachableRemoteWithAllowStaleKeepsTheCheckoutAndWarns() throws Exception {
    TestRepository repo = server.repo("stale");
    String commit = repo.commit("main", "one", TestRepository.tree().file("a", "a"));
    Path dest = volume.resolve("src");
    Path report = volume.resolve("report.json");
    GitFetchTesting.succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString()));
    server.faults().failNextRequests(100, 503);

    ToolResult kept =
        gitFetch(
                "--repo",
                repo.url(),
                "--dest",
                dest.toString(),
                "--allow-stale",
                "--report",
                report.toString(),
                "--timeout",
                "1s",
                "--retry-initial",
                "50ms")
            .run();

    assertThat(kept.exitCode()).as(kept.stderr()).isZero();
    assertThat(kept.stderr())
        .contains("WARN")
        .contains("kept the checkout at " + commit.substring(0, 8));
    assertThat(report(report).get("action").asText()).isEqualTo("kept-stale");
    assertThat(dest.resolve("a")).hasContent("a");
  }

  @Test
  void unreachableRemoteWithoutAllowStaleFailsAndLeavesTheCheckoutInPlace() throws Exception {
    TestRepository repo = server.repo("nostale");
    repo.commit("main", "one", TestRepository.tree().file("a", "a"));
    Path dest = volume.resolve("src");
    GitFetchTesting.succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString()));

    ToolResult failed =
        gitFetch(
                "--repo",
                GitTestServer.unreachableUrl(),
                "--dest",
                dest.toString(),
                "--timeout",
                "1s",
                "--retry-initial",
                "50ms")
            .run();

    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.stderr()).contains("transient").contains("connection refused");
    assertThat(dest.resolve("a")).hasContent("a");
  }

  @Test
  void allowStaleDoesNotHidePermanentFailures() throws Exception {
    TestRepository repo = server.repo("permanent");
    repo.commit("main", "one", TestRepository.tree().file("a", "a"));
    Path dest = volume.resolve("src");
    GitFetchTesting.succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString()));

    ToolResult failed =
        gitFetch("--repo", repo.url(), "--ref", "gone", "--dest", dest.toString(), "--allow-stale")
            .run();

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.stderr()).contains("permanent");
  }

  @Test
  void aChangedCheckoutIsFetchedAgain() throws Exception {
    TestRepository repo = server.repo("changed");
    repo.commit("main", "one", TestRepository.tree().file("a", "original"));
    Path dest = volume.resolve("src");
    GitFetchTesting.succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString()));
    Files.writeString(dest.resolve("a"), "tampered");

    ToolResult again = gitFetch("--repo", repo.url(), "--dest", dest.toString()).run();

    assertThat(again.exitCode()).as(again.stderr()).isZero();
    assertThat(again.stderr()).contains("was changed since it was published");
    assertThat(dest.resolve("a")).hasContent("original");
  }

  @Test
  void rerunWithoutGitDirVerifiesFromTheCompletionRecord() throws Exception {
    TestRepository repo = server.repo("plainrerun");
    repo.commit("main", "one", TestRepository.tree().file("a", "a"));
    Path dest = volume.resolve("src");
    GitFetchTesting.succeeds(
        gitFetch("--repo", repo.url(), "--dest", dest.toString(), "--without-git-dir"));
    int packsBefore = server.faults().packRequests();

    ToolResult again =
        gitFetch("--repo", repo.url(), "--dest", dest.toString(), "--without-git-dir").run();

    assertThat(again.exitCode()).as(again.stderr()).isZero();
    assertThat(again.stderr()).contains("verified");
    assertThat(server.faults().packRequests()).isEqualTo(packsBefore);
  }

  @Test
  void aDirectoryNotMadeByGitFetchIsReplacedWhole() throws Exception {
    TestRepository repo = server.repo("foreign");
    repo.commit("main", "one", TestRepository.tree().file("a", "a"));
    Path dest = volume.resolve("src");
    Files.createDirectories(dest.resolve("stuff"));
    Files.writeString(dest.resolve("stuff/x"), "x");

    ToolResult result = gitFetch("--repo", repo.url(), "--dest", dest.toString()).run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(dest.resolve("stuff")).doesNotExist();
    assertThat(dest.resolve("a")).hasContent("a");
  }

  @Test
  void askingForGroupWritableFilesFetchesAgain() throws Exception {
    TestRepository repo = server.repo("modes");
    repo.commit("main", "one", TestRepository.tree().file("a", "a"));
    Path dest = volume.resolve("src");
    succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString()));

    ToolResult again =
        succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString(), "--group-writable"));

    assertThat(again.stderr()).contains("updated");
    assertThat(Files.getPosixFilePermissions(dest.resolve("a")))
        .contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE);
  }
}
