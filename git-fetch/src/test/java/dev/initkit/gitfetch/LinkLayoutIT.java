package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.git;
import static dev.initkit.gitfetch.GitFetchTesting.succeeds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The git-sync layout: ROOT/.worktrees/<commit> and a relative symlink swapped atomically. */
class LinkLayoutIT {
  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();

  @TempDir Path volume;

  private ToolRun gitFetch(TestRepository repo) {
    return GitFetchTesting.gitFetch(
        volume, "--repo", repo.url(), "--root", volume.resolve("git").toString(), "--link", "app");
  }

  private List<String> worktrees() throws Exception {
    try (Stream<Path> entries = Files.list(volume.resolve("git/.worktrees"))) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith("initkit-lock"))
          .sorted()
          .toList();
    }
  }

  @Test
  void checksOutUnderWorktreesAndPointsARelativeLinkAtIt() throws Exception {
    TestRepository repo = server.repo("linked");
    String commit = repo.commit("main", "one", TestRepository.tree().file("a", "1"));

    succeeds(gitFetch(repo));

    Path link = volume.resolve("git/app");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of(".worktrees", commit));
    assertThat(link.resolve("a")).hasContent("1");
    assertThat(git(link, "rev-parse", "HEAD")).isEqualTo(commit);
    assertThat(worktrees()).containsExactly(commit);
  }

  @Test
  void aMovedRefGetsANewCheckoutTheLinkSwapsAndTheOldOneIsPruned() throws Exception {
    TestRepository repo = server.repo("linkmoved");
    repo.commit("main", "one", TestRepository.tree().file("a", "1"));
    succeeds(gitFetch(repo));
    String second = repo.commit("main", "two", TestRepository.tree().file("a", "2"));

    ToolResult result = succeeds(gitFetch(repo));

    Path link = volume.resolve("git/app");
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of(".worktrees", second));
    assertThat(link.resolve("a")).hasContent("2");
    assertThat(worktrees()).containsExactly(second);
    assertThat(result.stderr()).contains("updated");
    try (Stream<Path> entries = Files.list(volume.resolve("git"))) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(".worktrees", "app");
    }
  }

  @Test
  void rerunWithTheCommitInPlaceVerifiesWithoutDownloading() throws Exception {
    TestRepository repo = server.repo("linkrerun");
    repo.commit("main", "one", TestRepository.tree().file("a", "1"));
    succeeds(gitFetch(repo));
    int packs = server.faults().packRequests();

    ToolResult again = succeeds(gitFetch(repo));

    assertThat(again.stderr()).contains("verified");
    assertThat(server.faults().packRequests()).isEqualTo(packs);
  }

  @Test
  void aLinkNameTakenByARealDirectoryIsNotReplaced() throws Exception {
    TestRepository repo = server.repo("linktaken");
    repo.commit("main", "one", TestRepository.tree().file("a", "1"));
    Files.createDirectories(volume.resolve("git/app"));
    Files.writeString(volume.resolve("git/app/keep"), "mine");

    ToolResult result = gitFetch(repo).run();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("is not a symlink");
    assertThat(volume.resolve("git/app/keep")).hasContent("mine");
  }
}
