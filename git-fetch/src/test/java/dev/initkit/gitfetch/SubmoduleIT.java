package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.countedByWalk;
import static dev.initkit.gitfetch.GitFetchTesting.git;
import static dev.initkit.gitfetch.GitFetchTesting.succeeds;
import static dev.initkit.gitfetch.GitFetchTesting.tree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --submodules: a superproject with a submodule (vendor/lib, a relative URL) that has its own
 * submodule (deep, relative to the submodule's URL), each checked out at the recorded commit.
 */
class SubmoduleIT {
  private static final String SUPER_MODULES =
      "[submodule \"lib\"]\n\tpath = vendor/lib\n\turl = ../lib.git\n";
  private static final String LIB_MODULES =
      "[submodule \"deep\"]\n\tpath = deep\n\turl = ../nested.git\n";

  private GitTestServer server;
  private TestRepository superproject;
  private TestRepository lib;
  private String nestedCommit;
  private String libCommit;

  @TempDir Path volume;

  @BeforeEach
  void startServer() throws Exception {
    server = GitTestServer.start();
    TestRepository nested = server.repo("nested");
    nestedCommit = nested.commit("main", "n", TestRepository.tree().file("n.txt", "nested"));
    lib = server.repo("lib");
    libCommit =
        lib.commit(
            "main",
            "lib one",
            TestRepository.tree()
                .file(".gitmodules", LIB_MODULES)
                .file("lib.txt", "lib 1")
                .gitlink("deep", nestedCommit));
    // The branch moves on after the superproject recorded libCommit: the recorded one counts.
    lib.commit("main", "lib two", TestRepository.tree().file("lib.txt", "lib tip"));
    superproject = server.repo("super");
    superproject.commit("main", "one", superTree(libCommit));
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  private static TestRepository.Tree superTree(String libAt) {
    return TestRepository.tree()
        .file(".gitmodules", SUPER_MODULES)
        .file("app.txt", "app")
        .gitlink("vendor/lib", libAt);
  }

  private ToolRun gitFetch(String... args) {
    return GitFetchTesting.gitFetch(volume, args);
  }

  @Test
  void recursiveByDefaultChecksOutNestedSubmodulesAtTheRecordedCommits() throws Exception {
    Path dest = volume.resolve("src");

    ToolResult result = succeeds(gitFetch("--repo", superproject.url(), "--dest", dest.toString()));

    // The submodules' files count, their .git directories do not.
    assertThat(result.stderr()).contains(countedByWalk(dest));
    assertThat(dest.resolve("vendor/lib/lib.txt")).hasContent("lib 1");
    assertThat(dest.resolve("vendor/lib/deep/n.txt")).hasContent("nested");
    assertThat(git(dest.resolve("vendor/lib"), "rev-parse", "HEAD")).isEqualTo(libCommit);
    assertThat(git(dest.resolve("vendor/lib/deep"), "rev-parse", "HEAD")).isEqualTo(nestedCommit);
    assertThat(git(dest, "status", "--porcelain")).isEmpty();
    assertThat(git(dest, "submodule", "status", "--recursive"))
        // No "-" (not initialized) or "+" (another commit) in front of either line.
        .matches(
            libCommit + " vendor/lib \\(.*\\)\n " + nestedCommit + " vendor/lib/deep \\(.*\\)");
    assertThat(git(dest.resolve("vendor/lib"), "rev-parse", "--is-shallow-repository"))
        .isEqualTo("true");
  }

  @Test
  void shallowChecksOutTheSuperprojectsSubmodulesOnly() throws Exception {
    Path dest = volume.resolve("src");

    succeeds(
        gitFetch(
            "--repo", superproject.url(), "--dest", dest.toString(), "--submodules", "shallow"));

    assertThat(dest.resolve("vendor/lib/lib.txt")).hasContent("lib 1");
    assertThat(tree(dest.resolve("vendor/lib/deep"))).containsExactly("");
  }

  @Test
  void offLeavesSubmoduleDirectoriesEmpty() throws Exception {
    Path dest = volume.resolve("src");

    succeeds(
        gitFetch("--repo", superproject.url(), "--dest", dest.toString(), "--submodules", "off"));

    assertThat(tree(dest.resolve("vendor/lib"))).containsExactly("");
    assertThat(dest.resolve("app.txt")).hasContent("app");
  }

  @Test
  void rerunAfterTheSuperprojectMovedItsSubmoduleChecksOutTheNewCommit() throws Exception {
    Path dest = volume.resolve("src");
    succeeds(gitFetch("--repo", superproject.url(), "--dest", dest.toString()));
    String libTip = lib.repository().exactRef("refs/heads/main").getObjectId().name();
    superproject.commit("main", "bump lib", superTree(libTip));

    ToolResult again = succeeds(gitFetch("--repo", superproject.url(), "--dest", dest.toString()));

    assertThat(again.stderr()).contains("updated");
    assertThat(dest.resolve("vendor/lib/lib.txt")).hasContent("lib tip");
    assertThat(git(dest.resolve("vendor/lib"), "rev-parse", "HEAD")).isEqualTo(libTip);
    assertThat(dest.resolve("vendor/lib/deep")).doesNotExist();

    ToolResult verified =
        succeeds(gitFetch("--repo", superproject.url(), "--dest", dest.toString()));
    assertThat(verified.stderr()).contains("verified");
  }

  @Test
  void aSubmoduleMovedInPlaceIsFetchedAgain() throws Exception {
    Path dest = volume.resolve("src");
    succeeds(gitFetch("--repo", superproject.url(), "--dest", dest.toString()));
    git(dest.resolve("vendor/lib"), "checkout", "-q", "--detach", "HEAD");
    String libTip = lib.repository().exactRef("refs/heads/main").getObjectId().name();
    git(dest.resolve("vendor/lib"), "fetch", "-q", "--depth", "1", "origin", libTip);
    git(dest.resolve("vendor/lib"), "checkout", "-q", libTip);

    ToolResult again = succeeds(gitFetch("--repo", superproject.url(), "--dest", dest.toString()));

    assertThat(again.stderr()).contains("was changed since it was published");
    assertThat(git(dest.resolve("vendor/lib"), "rev-parse", "HEAD")).isEqualTo(libCommit);
  }

  @Test
  void withoutGitDirRemovesEverySubmodulesGitDirectory() throws Exception {
    Path dest = volume.resolve("src");

    succeeds(
        gitFetch("--repo", superproject.url(), "--dest", dest.toString(), "--without-git-dir"));

    assertThat(tree(dest)).noneMatch(p -> p.endsWith(".git") || p.contains(".git/"));
    assertThat(dest.resolve("vendor/lib/deep/n.txt")).hasContent("nested");
  }

  @Test
  void credentialsOfTheSuperprojectAreUsedForSubmodulesOnTheSameServer() throws Exception {
    Path dest = volume.resolve("src");

    ToolResult result =
        succeeds(
            gitFetch(
                "--repo",
                superproject.basicAuthUrl(),
                "--username",
                GitTestServer.USERNAME,
                "--password",
                GitTestServer.PASSWORD,
                "--dest",
                dest.toString()));

    assertThat(dest.resolve("vendor/lib/deep/n.txt")).hasContent("nested");
    assertThat(result.stderr()).doesNotContain(GitTestServer.PASSWORD);
    assertThat(GitFetchTesting.filesContaining(dest, GitTestServer.PASSWORD)).isEmpty();
    assertThat(git(dest, "config", "submodule.lib.url")).isEqualTo(lib.basicAuthUrl());
  }

  @Test
  void submodulesOutsideTheSparsePathsAreNotFetched() throws Exception {
    Path dest = volume.resolve("src");
    int packs = server.faults().packRequests();

    succeeds(
        gitFetch("--repo", superproject.url(), "--dest", dest.toString(), "--sparse", "app.txt"));

    assertThat(server.faults().packRequests()).isEqualTo(packs + 1);
    assertThat(dest.resolve("vendor")).doesNotExist();
  }

  @Test
  void aSubmoduleWithoutAnUrlFailsWithExitOne() throws Exception {
    superproject.commit(
        "main", "broken", TestRepository.tree().file("app.txt", "x").gitlink("lost", libCommit));
    Path dest = volume.resolve("src");

    ToolResult result = gitFetch("--repo", superproject.url(), "--dest", dest.toString()).run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("submodule lost has no url in .gitmodules");
    assertThat(dest).doesNotExist();
  }
}
