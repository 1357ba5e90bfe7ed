package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.depsfetch.testrepo.Fixtures;
import dev.initkit.depsfetch.testrepo.RepositoryServer.Request;
import dev.initkit.depsfetch.testrepo.ServedAcmeRepository;
import dev.initkit.depsfetch.testrepo.TarBuilder;
import dev.initkit.depsfetch.testrepo.TestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Layouts, options that shape the result, the cache and re-runs. */
class FetchIT {
  /** Where Resolver looks for the list of group prefixes a repository has. */
  private static final String PREFIXES = ".meta/prefixes.txt";

  @TempDir Path dir;
  @RegisterExtension final ServedAcmeRepository served = new ServedAcmeRepository();

  private Path dest() {
    return dir.resolve("volume/lib");
  }

  @Test
  void reRunWithSameInputsVerifiesAndDownloadsNothing() {
    Path report = dir.resolve("report.json");
    ToolResult first =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, "--dest", dest().toString())
            .run();
    assertThat(first.exitCode()).as(DepsFetchRun.describe(first)).isZero();
    served.server().clearRequests();

    ToolResult second =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, "--dest", dest().toString(), "--report", report.toString())
            .run();

    assertThat(second.exitCode()).as(DepsFetchRun.describe(second)).isZero();
    assertThat(served.server().requests()).isEmpty();
    assertThat(second.stderr()).contains("found the result in place and verified it");
    JsonNode result = DepsFetchRun.report(report).get("result");
    assertThat(result.get("alreadyInPlace").asBoolean()).isTrue();
    assertThat(result.get("artifacts")).hasSize(11);
  }

  @Test
  void reRunReplacesATamperedResult() throws IOException {
    DepsFetchRun.against(served.server(), dir)
        .args(Fixtures.APP, "--dest", dest().toString())
        .run();
    Files.writeString(dest().resolve("core-1.0.jar"), "tampered");

    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, "--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(result.stderr()).contains("differs from its manifest");
    assertThat(dest().resolve("core-1.0.jar"))
        .hasBinaryContent(served.repository().read("org.acme:core:1.0", "", "jar"));
  }

  @Test
  void changedInputsReplaceTheWholeResult() {
    DepsFetchRun.against(served.server(), dir)
        .args(Fixtures.APP, "--dest", dest().toString())
        .run();

    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args("org.acme:quiet:1.0", "--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(dest())).containsExactly("quiet-1.0.jar");
    assertThat(DepsFetchRun.besideDest(dest())).containsExactly("lib");
  }

  @Test
  void repositoryLayoutSeedsALocalRepositoryWithEveryPom() {
    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, "--layout", "repository", "--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(dest().resolve("org/acme/app/1.0/app-1.0.jar")).exists();
    assertThat(dest().resolve("org/acme/app/1.0/app-1.0.pom")).exists();
    assertThat(dest().resolve("org/acme/acme-parent/1/acme-parent-1.pom")).exists();
    assertThat(dest().resolve("org/acme/platform-bom/1.0/platform-bom-1.0.pom")).exists();
    assertThat(dest().resolve("org/acme/old-name/1.0/old-name-1.0.pom")).exists();
    assertThat(dest().resolve("org/acme/natives/1.0/natives-1.0-linux.jar")).exists();
    assertThat(dest().resolve("org/acme/noise")).doesNotExist();
    try (Stream<Path> files = Files.walk(dest())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.equals("_remote.repositories") || n.endsWith(".lastUpdated"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void flatNamesThatCollideFailNamingBothArtifacts() {
    served.repository().jar("org.other:core:1.0").publish();

    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args("org.acme:core:1.0", "org.other:core:1.0", "--no-transitive")
            .args("--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(1);
    assertThat(result.stderr())
        .contains("two artifacts would be placed as core-1.0.jar")
        .contains("org.acme:core:jar:1.0")
        .contains("org.other:core:jar:1.0")
        .contains("--layout repository");
    assertThat(dest()).doesNotExist();
  }

  @Test
  void stripVersionNamesFilesWithoutVersions() {
    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args("org.acme:chatty:1.0", "--strip-version", "--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(dest())).containsExactly("chatty.jar", "noise.jar", "quiet.jar");
  }

  @Test
  void noTransitiveFetchesTheArtifactsAlone() {
    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, Fixtures.LIB_RANGE, "--no-transitive")
            .args("--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(dest())).containsExactly("app-1.0.jar", "lib-1.5.jar");
  }

  @Test
  void excludesLeaveOutDependenciesWithWhatIsUnderThem() {
    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, "--exclude", "org.acme:chatty", "--exclude", "*:shared")
            .args("--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(dest()))
        .doesNotContain("chatty-1.0.jar", "quiet-1.0.jar", "shared-1.0.jar")
        .contains("core-1.0.jar", "deep-1.0.jar", "runtime-only-1.0.jar");
  }

  @Test
  void compileScopeLeavesOutRuntimeDependencies() {
    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, "--scope", "compile", "--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(dest()))
        .doesNotContain("runtime-only-1.0.jar")
        .contains("shared-1.0.jar", "util-2.0.jar");
  }

  @Test
  void artifactsFileWithCommentsAndEnvironmentListsWork() throws IOException {
    Path list =
        Files.writeString(
            dir.resolve("artifacts.txt"),
            "# the plugins\norg.acme:quiet:1.0   # a comment\n\n" + Fixtures.LIB_RANGE + "\n");

    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .env("DEPS_FETCH_ARTIFACT", "org.acme:noise:1.0\norg.acme:shared:[1.0,1.5]")
            .env("DEPS_FETCH_DEST", dest().toString())
            .args("--artifacts-file", list.toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(dest()))
        .containsExactly("lib-1.5.jar", "noise-1.0.jar", "quiet-1.0.jar", "shared-1.5.jar");
  }

  @Test
  void cacheServesLaterRunsAndOfflineRuns() {
    Path cache = dir.resolve("cache");
    ToolResult first =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, "--cache", cache.toString(), "--dest", dest().toString())
            .run();
    assertThat(first.exitCode()).as(DepsFetchRun.describe(first)).isZero();
    served.server().clearRequests();

    ToolResult offline =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, "--cache", cache.toString(), "--offline")
            .args("--dest", dir.resolve("volume/other").toString())
            .run();

    assertThat(offline.exitCode()).as(DepsFetchRun.describe(offline)).isZero();
    assertThat(served.server().requests()).isEmpty();
    assertThat(DepsFetchRun.files(dir.resolve("volume/other"))).hasSize(11);
  }

  @Test
  void offlineWithoutTheArtifactInTheCacheExitsOne() {
    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, "--cache", dir.resolve("cache").toString(), "--offline")
            .args("--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(1);
    assertThat(result.stderr()).contains("offline");
    assertThat(served.server().requests()).isEmpty();
  }

  @Test
  void mirrorReplacesEveryRepository() {
    ToolResult result =
        dev.initkit.common.testkit.ToolRun.of(new DepsFetchCommand())
            .args(
                "--mirror", served.server().url(), "--termination-log", dir.resolve("t").toString())
            .args("--repository", "never=http://127.0.0.1:9/unused/")
            .args(Fixtures.APP, "--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(dest())).hasSize(11);
  }

  @Test
  void oneRepositoryIsNotAskedForItsPrefixList() {
    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, "--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(served.server().requests()).map(Request::path).doesNotContain(PREFIXES);
  }

  @Test
  void severalRepositoriesAreAskedForTheirPrefixLists() {
    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args("--repository", "other=" + served.server().url() + "other/")
            .args(Fixtures.APP, "--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(served.server().requests())
        .map(Request::path)
        .contains(PREFIXES, "other/" + PREFIXES);
  }

  @Test
  void classpathFileListsTheArtifactsInOrderUnderThePrefix() throws IOException {
    Path colon = dir.resolve("volume/classpath");
    Path argfile = dir.resolve("volume/classpath.args");
    ToolResult first =
        DepsFetchRun.against(served.server(), dir)
            .args("org.acme:chatty:1.0", "--dest", dest().toString())
            .args("--classpath-file", colon.toString(), "--classpath-prefix", "/app/lib/")
            .run();
    ToolResult again =
        DepsFetchRun.against(served.server(), dir)
            .args("org.acme:chatty:1.0", "--dest", dest().toString())
            .args("--classpath-file", argfile.toString(), "--classpath-format", "argfile")
            .run();

    assertThat(first.exitCode()).as(DepsFetchRun.describe(first)).isZero();
    assertThat(again.exitCode()).as(DepsFetchRun.describe(again)).isZero();
    assertThat(colon)
        .hasContent("/app/lib/chatty-1.0.jar:/app/lib/noise-1.0.jar:/app/lib/quiet-1.0.jar");
    String d = dest().toAbsolutePath().toString();
    assertThat(argfile)
        .hasContent(
            "-cp \"" + d + "/chatty-1.0.jar:" + d + "/noise-1.0.jar:" + d + "/quiet-1.0.jar\"");
  }

  @Test
  void unpackPutsZipArtifactsInDirectoriesAndVerifiesThemOnReRun() {
    served
        .repository()
        .jar("org.acme:plugin:1.0")
        .file("", "zip", TestRepository.zip(java.util.List.of("lib/plugin.jar", "README")))
        .publish();
    ToolResult first =
        DepsFetchRun.against(served.server(), dir)
            .args("org.acme:plugin:zip:1.0", "org.acme:quiet:1.0", "--unpack")
            .args("--dest", dest().toString())
            .run();
    served.server().clearRequests();
    ToolResult again =
        DepsFetchRun.against(served.server(), dir)
            .args("org.acme:plugin:zip:1.0", "org.acme:quiet:1.0", "--unpack")
            .args("--dest", dest().toString())
            .run();

    assertThat(first.exitCode()).as(DepsFetchRun.describe(first)).isZero();
    assertThat(DepsFetchRun.files(dest())).containsExactly("plugin-1.0", "quiet-1.0.jar");
    assertThat(dest().resolve("plugin-1.0/lib/plugin.jar")).hasContent("lib/plugin.jar");
    assertThat(again.exitCode()).as(DepsFetchRun.describe(again)).isZero();
    assertThat(served.server().requests()).isEmpty();
  }

  @Test
  void zipEntryEscapingItsDirectoryFailsAndPlacesNothing() {
    served
        .repository()
        .jar("org.acme:evil:1.0")
        .file("", "zip", TestRepository.zip(java.util.List.of("ok.txt", "../evil.txt")))
        .publish();

    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args("org.acme:evil:zip:1.0", "--unpack", "--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(1);
    assertThat(result.stderr()).contains("'../evil.txt' would land outside");
    assertThat(dest()).doesNotExist();
    assertThat(DepsFetchRun.besideDest(dest())).isEmpty();
  }

  @Test
  void unpackPutsTarGzArtifactsInDirectories() {
    served
        .repository()
        .jar("org.acme:dist:1.0")
        .file(
            "",
            "tar.gz",
            new TarBuilder()
                .file("bin/run.sh", "#!/bin/sh\n", 0755)
                .file("lib/dist.jar", "dist")
                .symlink("lib/current.jar", "dist.jar")
                .tarGz())
        .publish();

    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args("org.acme:dist:tar.gz:1.0", "--unpack", "--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(dest())).containsExactly("dist-1.0");
    assertThat(dest().resolve("dist-1.0/lib/current.jar")).hasContent("dist");
    assertThat(dest().resolve("dist-1.0/bin/run.sh")).isExecutable();
  }

  @Test
  void tarEntryLinkingOutOfItsDirectoryFailsAndPlacesNothing() {
    served
        .repository()
        .jar("org.acme:evil:1.0")
        .file("", "tar", new TarBuilder().file("ok.txt", "ok").symlink("etc", "../../etc").tar())
        .publish();

    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args("org.acme:evil:tar:1.0", "--unpack", "--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(1);
    assertThat(result.stderr())
        .contains("refused to unpack org.acme:evil:tar:1.0: its entry 'etc' is a link");
    assertThat(dest()).doesNotExist();
    assertThat(DepsFetchRun.besideDest(dest())).isEmpty();
  }

  @Test
  void workingFilesNeverStayBesideDest() {
    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, "--dest", dest().toString())
            .run();

    assertThat(result.exitCode()).isZero();
    assertThat(DepsFetchRun.besideDest(dest())).containsExactly("lib");
  }
}
