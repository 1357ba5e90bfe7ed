package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.depsfetch.testrepo.Fixtures;
import dev.initkit.depsfetch.testrepo.RepositoryServer.Request;
import dev.initkit.depsfetch.testrepo.ServedAcmeRepository;
import dev.initkit.depsfetch.testrepo.TestRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which checksum verifies each download: one the served.server() sent in a header, else the first
 * of {@code --checksums} whose file the served.repository() has. Only that one is computed (the
 * others would compare as "not computed" and fail), and each checksum file is asked for once.
 */
class ChecksumsIT {
  private static final String DEEP_JAR = TestRepository.path("org.acme:deep:1.0", "", "jar");
  private static final String DEEP_POM = TestRepository.path("org.acme:deep:1.0", "", "pom");
  private static final List<String> CHECKSUM_EXTENSIONS =
      List.of(".md5", ".sha1", ".sha256", ".sha512");

  @TempDir Path dir;
  @RegisterExtension final ServedAcmeRepository served = new ServedAcmeRepository();

  private Path dest() {
    return dir.resolve("out/lib");
  }

  private ToolResult fetch() {
    return DepsFetchRun.against(served.server(), dir)
        .args(Fixtures.APP, "--dest", dest().toString())
        .run();
  }

  private void delete(String relative) throws IOException {
    Files.delete(served.repository().root().resolve(relative));
  }

  private void overwrite(String relative, int hexDigits) throws IOException {
    Files.writeString(
        served.repository().root().resolve(relative),
        "0".repeat(hexDigits),
        StandardCharsets.US_ASCII);
  }

  private List<String> requested(String prefix) {
    return served.server().requests().stream()
        .map(Request::path)
        .filter(p -> p.startsWith(prefix + "."))
        .sorted()
        .toList();
  }

  private static boolean isChecksumFile(String path) {
    return CHECKSUM_EXTENSIONS.stream().anyMatch(path::endsWith);
  }

  @Test
  void eachDownloadAsksForItsFirstChecksumFileOnce() {
    ToolResult result = fetch();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    List<String> downloads =
        served.server().requests().stream()
            .filter(r -> r.status() == 200 && !isChecksumFile(r.path()))
            .map(Request::path)
            .toList();
    List<String> checksumRequests =
        served.server().requests().stream()
            .map(Request::path)
            .filter(ChecksumsIT::isChecksumFile)
            .toList();
    assertThat(downloads).isNotEmpty();
    assertThat(checksumRequests)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(downloads.stream().map(p -> p + ".sha512").toList());
  }

  @Test
  void sha256VerifiesWhereTheRepositoryHasNoSha512() throws IOException {
    delete(DEEP_JAR + ".sha512");

    ToolResult result = fetch();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(requested(DEEP_JAR)).containsExactly(DEEP_JAR + ".sha256", DEEP_JAR + ".sha512");
    assertThat(dest().resolve("deep-1.0.jar"))
        .hasBinaryContent(served.repository().read("org.acme:deep:1.0", "", "jar"));
  }

  @Test
  void aVersionWhosePomHasNoSha512IsNotAskedForItsJarsSha512() throws IOException {
    delete(DEEP_POM + ".sha512");
    delete(DEEP_JAR + ".sha512");

    ToolResult result = fetch();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(requested(DEEP_POM)).containsExactly(DEEP_POM + ".sha256", DEEP_POM + ".sha512");
    assertThat(requested(DEEP_JAR)).containsExactly(DEEP_JAR + ".sha256");
  }

  @Test
  void aReleaseWithoutSha512FilesIsAskedForOneOnce() throws IOException {
    List<Path> release;
    try (var files = Files.walk(served.repository().root().resolve("org/acme"))) {
      release =
          files
              .filter(f -> f.getFileName().toString().endsWith(".sha512"))
              .filter(f -> f.getParent().getFileName().toString().equals("1.0"))
              .toList();
    }
    for (Path file : release) {
      Files.delete(file);
    }

    // One thread: no two files of the release are verified at once, before either found out.
    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, "--dest", dest().toString(), "--threads", "1")
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(release).hasSizeGreaterThan(10);
    assertThat(served.server().requests())
        .map(Request::path)
        .filteredOn(p -> p.matches("org/acme/[^/]+/1\\.0/[^/]+\\.sha512"))
        .hasSize(1);
  }

  @Test
  void wrongSha256FailsWhereTheRepositoryHasNoSha512() throws IOException {
    delete(DEEP_JAR + ".sha512");
    overwrite(DEEP_JAR + ".sha256", 64);

    ToolResult result = fetch();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(1);
    assertThat(result.stderr())
        .contains("(permanent): checksum mismatch")
        .contains("org.acme:deep:jar:1.0");
    assertThat(dest()).doesNotExist();
  }

  @Test
  void sha1VerifiesWhereItIsTheOnlyOne() throws IOException {
    delete(DEEP_JAR + ".sha512");
    delete(DEEP_JAR + ".sha256");

    ToolResult result = fetch();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(requested(DEEP_JAR))
        .containsExactly(DEEP_JAR + ".sha1", DEEP_JAR + ".sha256", DEEP_JAR + ".sha512");
  }

  @Test
  void wrongSha1FailsWhereItIsTheOnlyOne() throws IOException {
    delete(DEEP_JAR + ".sha512");
    delete(DEEP_JAR + ".sha256");
    overwrite(DEEP_JAR + ".sha1", 40);

    ToolResult result = fetch();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(1);
    assertThat(result.stderr()).contains("(permanent): checksum mismatch").contains("deep");
  }

  @Test
  void wrongSha512FailsThoughTheSha256IsRight() throws IOException {
    overwrite(DEEP_JAR + ".sha512", 128);

    ToolResult result = fetch();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(1);
    assertThat(result.stderr()).contains("(permanent): checksum mismatch").contains("deep");
    assertThat(dest()).doesNotExist();
  }

  @Test
  void checksumHeaderVerifiesWithoutChecksumFiles() {
    served.server().sendSha1Headers(path -> !isChecksumFile(path), path -> false);

    ToolResult result = fetch();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(served.server().requests())
        .map(Request::path)
        .noneMatch(ChecksumsIT::isChecksumFile);
    assertThat(dest().resolve("deep-1.0.jar"))
        .hasBinaryContent(served.repository().read("org.acme:deep:1.0", "", "jar"));
  }

  @Test
  void wrongChecksumHeaderFailsThoughTheFilesAreRight() {
    served.server().sendSha1Headers(path -> !isChecksumFile(path), path -> path.equals(DEEP_JAR));

    ToolResult result = fetch();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(1);
    assertThat(result.stderr()).contains("(permanent): checksum mismatch").contains("deep");
    assertThat(dest()).doesNotExist();
  }
}
