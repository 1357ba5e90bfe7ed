package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.git;
import static dev.initkit.gitfetch.GitFetchTesting.leftovers;
import static dev.initkit.gitfetch.GitFetchTesting.succeeds;
import static dev.initkit.gitfetch.GitFetchTesting.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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

/** --sparse: only the named files and directories are checked out. */
class SparseIT {
  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();
  private static TestRepository repo;
  private static String commit;

  @TempDir Path volume;

  @BeforeAll
  static void startServer() throws Exception {
    repo = server.repo("sparse");
    commit =
        repo.commit(
            "main",
            "one",
            TestRepository.tree()
                .file("README.md", "top")
                .file("docs/guide.md", "guide")
                .file("docs/api/index.md", "api")
                .executable("bin/run.sh", "#!/bin/sh\n")
                .symlink("bin/latest", "run.sh")
                .file("src/main.c", "int main;")
                .file("docsextra/not-docs.md", "no"));
  }

  private ToolRun gitFetch(String... args) {
    return GitFetchTesting.gitFetch(volume, args);
  }

  @Test
  void checksOutOnlyTheNamedDirectoriesAndFiles() throws Exception {
    Path dest = volume.resolve("src");
    Path report = volume.resolve("report.json");

    succeeds(
        gitFetch(
            "--repo",
            repo.url(),
            "--dest",
            dest.toString(),
            "--sparse",
            "docs/",
            "--sparse",
            "bin/run.sh",
            "--report",
            report.toString()));

    assertThat(tree(dest))
        .filteredOn(p -> !p.startsWith(".git") && !p.startsWith(".initkit"))
        .containsExactly(
            "", "bin", "bin/run.sh", "docs", "docs/api", "docs/api/index.md", "docs/guide.md");
    assertThat(Files.isExecutable(dest.resolve("bin/run.sh"))).isTrue();
    assertThat(dest.resolve("docs/api/index.md")).hasContent("api");
    assertThat(git(dest, "rev-parse", "HEAD")).isEqualTo(commit);
    // The files left out are not shown as deleted by git itself either.
    assertThat(git(dest, "status", "--porcelain")).isEmpty();
    assertThat(new ObjectMapper().readTree(report.toFile()).get("result").get("files").asInt())
        .isEqualTo(3);
  }

  @Test
  void aSparsePathThatMatchesNothingFailsNamingItAndPublishesNothing() throws Exception {
    Path dest = volume.resolve("src");

    ToolResult result =
        gitFetch(
                "--repo",
                repo.url(),
                "--dest",
                dest.toString(),
                "--sparse",
                "docs",
                "--sparse",
                "nowhere/else")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("--sparse nowhere/else is not in commit");
    assertThat(dest).doesNotExist();
    assertThat(leftovers(volume)).isEmpty();
  }

  @Test
  void worksWithoutGitDirAndInTheLinkLayout() throws Exception {
    Path dest = volume.resolve("files");
    succeeds(
        gitFetch(
            "--repo",
            repo.url(),
            "--dest",
            dest.toString(),
            "--without-git-dir",
            "--sparse",
            "src"));
    assertThat(tree(dest)).containsExactly("", ".initkit-complete", "src", "src/main.c");

    Path root = volume.resolve("root");
    succeeds(
        gitFetch(
            "--repo", repo.url(), "--root", root.toString(), "--link", "app", "--sparse", "src"));
    assertThat(tree(root.resolve("app").toRealPath()))
        .filteredOn(p -> !p.startsWith(".git") && !p.startsWith(".initkit"))
        .containsExactly("", "src", "src/main.c");
  }

  @Test
  void sparsePathsFromTheVariableAreOnePerLine() throws Exception {
    Path dest = volume.resolve("src");

    succeeds(
        gitFetch("--repo", repo.url(), "--dest", dest.toString())
            .env("GIT_FETCH_SPARSE", "README.md\nsrc\n"));

    assertThat(tree(dest))
        .filteredOn(p -> !p.startsWith(".git") && !p.startsWith(".initkit"))
        .containsExactly("", "README.md", "src", "src/main.c");
  }

  @Test
  void rerunVerifiesTheSameSparseCheckoutAndRefetchesWhenTheListChanges() throws Exception {
    Path dest = volume.resolve("src");
    succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString(), "--sparse", "docs"));
    int packs = server.faults().packRequests();

    ToolResult same =
        succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString(), "--sparse", "docs"));
    assertThat(same.stderr()).contains("verified");
    assertThat(server.faults().packRequests()).isEqualTo(packs);

    ToolResult changed =
        succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString(), "--sparse", "src"));
    assertThat(changed.stderr()).contains("other --sparse");
    assertThat(tree(dest))
        .filteredOn(p -> !p.startsWith(".git") && !p.startsWith(".initkit"))
        .containsExactly("", "src", "src/main.c");

    ToolResult whole = succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString()));
    assertThat(whole.stderr()).contains("other --sparse");
    assertThat(dest.resolve("README.md")).hasContent("top");
    assertThat(dest.resolve("docsextra/not-docs.md")).exists();
  }

  @Test
  void aChangedFileInsideTheSparsePathsIsFetchedAgain() throws Exception {
    Path dest = volume.resolve("src");
    succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString(), "--sparse", "docs"));
    Files.writeString(dest.resolve("docs/guide.md"), "edited");

    ToolResult again =
        succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString(), "--sparse", "docs"));

    assertThat(again.stderr()).contains("was changed since it was published");
    assertThat(dest.resolve("docs/guide.md")).hasContent("guide");
  }
}
