package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.countedByWalk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.initkit.common.testkit.JsonSchemas;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One-shot clones over smart HTTP from a real GitServlet on loopback. */
class CloneIT {
  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();

  @TempDir Path volume;

  private ToolRun gitFetch(String... args) {
    return ToolRun.of(new GitFetchCommand())
        .args("--termination-log", volume.resolve("termination-log").toString())
        .args(args);
  }

  private static String git(Path workTree, String... args) throws Exception {
    String[] command = new String[args.length + 3];
    command[0] = "git";
    command[1] = "-C";
    command[2] = workTree.toString();
    System.arraycopy(args, 0, command, 3, args.length);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
    return out.strip();
  }

  @Test
  void clonesRemoteHeadWithSymlinksExecutablesAndNonAsciiNames() throws Exception {
    TestRepository repo = server.repo("files");
    String commit =
        repo.commit(
            "main",
            "first",
            TestRepository.tree()
                .file("README.md", "hello\n")
                .executable("bin/run.sh", "#!/bin/sh\necho run\n")
                .symlink("docs", "README.md")
                .file("données/héllo wörld ✓.txt", "bonjour\n"));
    Path dest = volume.resolve("src");

    ToolResult result = gitFetch("--repo", repo.url(), "--dest", dest.toString()).run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(dest.resolve("README.md")).hasContent("hello");
    assertThat(Files.getPosixFilePermissions(dest.resolve("bin/run.sh")))
        .contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.getPosixFilePermissions(dest.resolve("README.md")))
        .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.isSymbolicLink(dest.resolve("docs"))).isTrue();
    assertThat(Files.readSymbolicLink(dest.resolve("docs"))).isEqualTo(Path.of("README.md"));
    assertThat(dest.resolve("données/héllo wörld ✓.txt")).hasContent("bonjour");
    assertThat(git(dest, "rev-parse", "HEAD")).isEqualTo(commit);
    assertThat(git(dest, "symbolic-ref", "--short", "HEAD")).isEqualTo("main");
    assertThat(git(dest, "status", "--porcelain")).isEmpty();
    assertThat(result.stderr()).contains("cloned " + repo.url() + " at " + commit.substring(0, 8));
    // Counted as written (three files and a symlink), as a walk of the tree counts.
    assertThat(result.stderr()).contains("(4 files, ").contains(countedByWalk(dest));
  }

  @Test
  void clonesHeadABranchAndAnAnnotatedTagFromAProtocolV0Server() throws Exception {
    TestRepository repo = server.repo("v0");
    repo.speakProtocolV0Only();
    String first = repo.commit("main", "one", TestRepository.tree().file("a.txt", "one\n"));
    repo.annotatedTag("v1", first);
    String second = repo.commit("main", "two", TestRepository.tree().file("a.txt", "two\n"));
    String feature = repo.commit("feature", "f", TestRepository.tree().file("f.txt", "f\n"));

    for (String[] refAndCommit :
        new String[][] {{"", second}, {"feature", feature}, {"v1", first}}) {
      Path dest = volume.resolve("v0-" + refAndCommit[0]);
      ToolRun run = gitFetch("--repo", repo.url(), "--dest", dest.toString());
      if (!refAndCommit[0].isEmpty()) {
        run = run.args("--ref", refAndCommit[0]);
      }

      ToolResult result = run.run();

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(git(dest, "rev-parse", "HEAD")).isEqualTo(refAndCommit[1]);
    }
  }

  @Test
  void lineEndingsFromGitattributesAreAppliedWhileTheFilesAreWrittenInParallel() throws Exception {
    TestRepository repo = server.repo("eol");
    TestRepository.Tree tree =
        TestRepository.tree().file(".gitattributes", "*.txt text eol=crlf\n");
    for (int i = 0; i < 50; i++) {
      tree.file("text/" + i + ".txt", "one\ntwo " + i + "\n").file("raw/" + i + ".bin", "a\nb\n");
    }
    repo.commit("main", "eol", tree);
    Path dest = volume.resolve("src");

    ToolResult result = gitFetch("--repo", repo.url(), "--dest", dest.toString()).run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    for (int i = 0; i < 50; i++) {
      // readString, not hasContent: AssertJ compares lines and would not see the line endings.
      assertThat(Files.readString(dest.resolve("text/" + i + ".txt")))
          .isEqualTo("one\r\ntwo " + i + "\r\n");
      assertThat(Files.readString(dest.resolve("raw/" + i + ".bin"))).isEqualTo("a\nb\n");
    }
    assertThat(git(dest, "status", "--porcelain")).isEmpty();
    assertThat(result.stderr()).contains(countedByWalk(dest));
  }

  @Test
  void clonesBranchTagAndCommitById() throws Exception {
    TestRepository repo = server.repo("refs");
    String first = repo.commit("main", "one", TestRepository.tree().file("v", "1"));
    String second = repo.commit("main", "two", TestRepository.tree().file("v", "2"));
    String feature = repo.commit("feature", "f", TestRepository.tree().file("v", "feature"));
    repo.annotatedTag("v1.0", first);
    repo.tag("light", second);

    assertThat(clone(repo, "feature", "b")).hasContent("feature");
    assertThat(git(volume.resolve("b"), "rev-parse", "HEAD")).isEqualTo(feature);
    assertThat(clone(repo, "v1.0", "t")).hasContent("1");
    assertThat(git(volume.resolve("t"), "rev-parse", "HEAD")).isEqualTo(first);
    assertThat(clone(repo, "light", "l")).hasContent("2");
    assertThat(clone(repo, first, "c")).hasContent("1");
    assertThat(git(volume.resolve("c"), "rev-parse", "HEAD")).isEqualTo(first);
    assertThat(clone(repo, "refs/heads/main", "m")).hasContent("2");
  }

  private Path clone(TestRepository repo, String ref, String dir) {
    ToolResult result =
        gitFetch("--repo", repo.url(), "--ref", ref, "--dest", volume.resolve(dir).toString())
            .run();
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    return volume.resolve(dir).resolve("v");
  }

  @Test
  void aCloneAsksTheServerThreeTimesAndAnUpdateFive() throws Exception {
    TestRepository repo = server.repo("requests");
    repo.commit("main", "one", TestRepository.tree().file("v", "1"));
    Path dest = volume.resolve("requests");
    int before = server.faults().requests();

    GitFetchTesting.succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString()));
    int clone = server.faults().requests() - before;
    repo.commit("main", "two", TestRepository.tree().file("v", "2"));
    GitFetchTesting.succeeds(gitFetch("--repo", repo.url(), "--dest", dest.toString()));
    int update = server.faults().requests() - before - clone;

    // As git clone: capabilities, refs, pack; the ref is resolved on the fetch's connection.
    assertThat(clone).isEqualTo(3);
    // An update first asks whether the ref moved (capabilities, refs), to compare.
    assertThat(update).isEqualTo(5);
    assertThat(dest.resolve("v")).hasContent("2");
  }

  @Test
  void shallowByDefaultAndFullHistoryWithDepthZero() throws Exception {
    TestRepository repo = server.repo("history");
    for (int i = 0; i < 5; i++) {
      repo.commit("main", "commit " + i, TestRepository.tree().file("n", "" + i));
    }
    Path shallow = volume.resolve("shallow");
    Path full = volume.resolve("full");

    GitFetchTesting.succeeds(gitFetch("--repo", repo.url(), "--dest", shallow.toString()));
    GitFetchTesting.succeeds(
        gitFetch("--repo", repo.url(), "--depth", "0", "--dest", full.toString()));

    assertThat(git(shallow, "rev-list", "--count", "HEAD")).isEqualTo("1");
    assertThat(shallow.resolve(".git/shallow")).exists();
    assertThat(git(full, "rev-list", "--count", "HEAD")).isEqualTo("5");
    assertThat(full.resolve(".git/shallow")).doesNotExist();
  }

  @Test
  void publishesWithoutGitDirectoryOnRequest() throws Exception {
    TestRepository repo = server.repo("plain");
    repo.commit("main", "one", TestRepository.tree().file("a.txt", "a").symlink("b", "a.txt"));
    Path dest = volume.resolve("plain");

    ToolResult result =
        gitFetch("--repo", repo.url(), "--dest", dest.toString(), "--without-git-dir").run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(dest.resolve(".git")).doesNotExist();
    assertThat(dest.resolve("a.txt")).hasContent("a");
    assertThat(Files.isSymbolicLink(dest.resolve("b"))).isTrue();
  }

  @Test
  void reportsUrlRefCommitTimeFilesAndBytes() throws Exception {
    TestRepository repo = server.repo("report");
    String commit =
        repo.commit(
            "main", "one", TestRepository.tree().file("a.txt", "abc").file("d/b.txt", "de"));
    Path report = volume.resolve("report.json");

    ToolResult result =
        gitFetch(
                "--repo",
                repo.url(),
                "--dest",
                volume.resolve("out").toString(),
                "--report",
                report.toString())
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    JsonNode json =
        JsonSchemas.assertValid(
            JsonSchemas.REPORT_V1, Files.readString(report, StandardCharsets.UTF_8));
    JsonNode r = json.get("result");
    assertThat(r.get("action").asText()).isEqualTo("cloned");
    assertThat(r.get("repo").asText()).isEqualTo(repo.url());
    assertThat(r.get("ref").asText()).isEqualTo("HEAD");
    assertThat(r.get("commit").asText()).isEqualTo(commit);
    assertThat(r.get("commitTime").asText()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(r.get("files").asLong()).isEqualTo(2);
    assertThat(r.get("bytes").asLong()).isEqualTo(5);
    assertThat(r.get("durationMillis").asLong()).isNotNegative();
  }

  @Test
  void unknownRefFailsPermanentlyAndWritesNothing() throws IOException {
    TestRepository repo = server.repo("noref");
    repo.commit("main", "one", TestRepository.tree().file("a", "a"));
    Path dest = volume.resolve("dest");

    ToolResult result =
        gitFetch("--repo", repo.url(), "--ref", "nope", "--dest", dest.toString()).run();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("permanent").contains("no branch or tag 'nope'");
    assertThat(dest).doesNotExist();
    assertThat(volume.resolve("termination-log")).content().contains("nope");
  }

  @Test
  void unknownRepositoryFailsPermanently() {
    ToolResult result =
        gitFetch(
                "--repo",
                server.repo("known").url().replace("known", "unknown"),
                "--dest",
                volume.resolve("dest").toString())
            .run();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("permanent").contains("not found");
    assertThat(volume.resolve("dest")).doesNotExist();
  }

  @Test
  void unknownCommitIdFailsPermanently() {
    TestRepository repo = server.repo("nocommit");
    repo.commit("main", "one", TestRepository.tree().file("a", "a"));

    ToolResult result =
        gitFetch(
                "--repo",
                repo.url(),
                "--ref",
                "0123456789012345678901234567890123456789",
                "-v",
                "--dest",
                volume.resolve("dest").toString())
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("permanent");
    assertThat(volume.resolve("dest")).doesNotExist();
  }

  @Test
  void groupWritableOnRequestKeepsExecutableBitsAndSymlinks() throws Exception {
    TestRepository repo = server.repo("groupwrite");
    repo.commit(
        "main",
        "one",
        TestRepository.tree()
            .file("d/a.txt", "a")
            .executable("run.sh", "#!/bin/sh\n")
            .symlink("link", "d/a.txt"));
    Path dest = volume.resolve("shared");

    GitFetchTesting.succeeds(
        gitFetch("--repo", repo.url(), "--dest", dest.toString(), "--group-writable"));

    assertThat(Files.getPosixFilePermissions(dest.resolve("d/a.txt")))
        .contains(PosixFilePermission.GROUP_WRITE);
    assertThat(Files.getPosixFilePermissions(dest.resolve("d")))
        .contains(PosixFilePermission.GROUP_WRITE);
    assertThat(Files.getPosixFilePermissions(dest.resolve("run.sh")))
        .contains(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.isSymbolicLink(dest.resolve("link"))).isTrue();
    assertThat(git(dest, "status", "--porcelain")).isEmpty();
  }
}
