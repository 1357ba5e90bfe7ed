package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.depsfetch.testrepo.Fixtures;
import dev.initkit.depsfetch.testrepo.ServedAcmeRepository;
import dev.initkit.depsfetch.testrepo.TestRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The lock file: written on request, verified on every run, a mismatch places nothing. */
class LockFileIT {
  @TempDir Path dir;
  @RegisterExtension final ServedAcmeRepository served = new ServedAcmeRepository();

  private Path lock() {
    return dir.resolve("deps.lock");
  }

  private ToolResult fetch(Path dest, String... more) {
    return DepsFetchRun.against(served.server(), dir)
        .args(Fixtures.APP, Fixtures.LIB_RANGE, "--lock-file", lock().toString())
        .args("--dest", dest.toString())
        .args(more)
        .run();
  }

  private ToolResult writeLock() {
    ToolResult written = fetch(dir.resolve("first"), "--write-lock-file");
    assertThat(written.exitCode()).as(DepsFetchRun.describe(written)).isZero();
    return written;
  }

  @Test
  void sha256VerifiedByTheDownloadIsTheFilesOwn() throws IOException {
    // With SHA-256 first, the hash Resolver verified each download against is reused, not
    // computed again: it must still be each placed file's own.
    ToolResult written = fetch(dir.resolve("first"), "--write-lock-file", "--checksums", "sha256");
    assertThat(written.exitCode()).as(DepsFetchRun.describe(written)).isZero();

    LockFile lock = LockFile.read(lock());
    assertThat(lock.entries()).hasSize(12);
    for (LockFile.Entry entry : lock.entries()) {
      Coordinates c = entry.coordinates();
      String file =
          c.artifactId()
              + "-"
              + c.version()
              + (c.classifier().isEmpty() ? "" : "-" + c.classifier())
              + "."
              + c.extension();
      assertThat(entry.sha256())
          .as(file)
          .isEqualTo(
              TestRepositoryHashes.sha256(Files.readAllBytes(dir.resolve("first").resolve(file))));
    }
  }

  @Test
  void writtenLockFilePinsVersionsAndHashesAndVerifies() throws IOException {
    writeLock();
    String sha256 =
        TestRepositoryHashes.sha256(served.repository().read("org.acme:core:1.0", "", "jar"));
    assertThat(lock())
        .content(StandardCharsets.UTF_8)
        .contains("org.acme:core:jar:1.0 sha256:" + sha256)
        .contains("org.acme:lib:jar:1.5 sha256:");

    ToolResult verified = fetch(dir.resolve("second"));

    assertThat(verified.exitCode()).as(DepsFetchRun.describe(verified)).isZero();
    assertThat(DepsFetchRun.files(dir.resolve("second"))).hasSize(12);
  }

  @Test
  void tamperedLockFileExitsOneAndPlacesNothing() throws IOException {
    writeLock();
    String text = Files.readString(lock());
    int at =
        text.indexOf("org.acme:core:jar:1.0 sha256:") + "org.acme:core:jar:1.0 sha256:".length();
    char flipped = text.charAt(at) == '0' ? '1' : '0';
    Files.writeString(lock(), text.substring(0, at) + flipped + text.substring(at + 1));
    Path dest = dir.resolve("second");

    ToolResult result = fetch(dest);

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(1);
    assertThat(result.stderr())
        .contains("does not match the lock file")
        .contains("org.acme:core:jar:1.0 has SHA-256");
    assertThat(dest).doesNotExist();
  }

  @Test
  void republishedArtifactFailsAgainstTheLock() {
    writeLock();
    served
        .repository()
        .republish("org.acme:quiet:1.0", "jar", TestRepository.zip(java.util.List.of("x")));
    Path dest = dir.resolve("second");

    ToolResult result = fetch(dest);

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(1);
    assertThat(result.stderr()).contains("org.acme:quiet:jar:1.0 has SHA-256");
    assertThat(dest).doesNotExist();
  }

  @Test
  void lockedVersionWinsOverANewerOneInTheRange() {
    writeLock();
    served.repository().jar("org.acme:lib:1.8").publish();

    ToolResult result = fetch(dir.resolve("second"));

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(dir.resolve("second"))).contains("lib-1.5.jar");
  }

  @Test
  void changedRequestFailsAgainstTheLock() {
    writeLock();
    Path dest = dir.resolve("second");

    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, "--lock-file", lock().toString(), "--dest", dest.toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(1);
    assertThat(result.stderr()).contains("org.acme:lib:jar:1.5 is locked but not resolved");
    assertThat(dest).doesNotExist();
  }

  @Test
  void missingLockFileExitsTwo() {
    Path dest = dir.resolve("second");

    ToolResult result = fetch(dest);

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(2);
    assertThat(result.stderr()).contains("--write-lock-file");
    assertThat(dest).doesNotExist();
  }

  @Test
  void malformedLockFileExitsTwoNamingTheLine() throws IOException {
    Files.writeString(lock(), "# ok\norg.acme:core:jar:1.0 md5:abc\n");
    Path dest = dir.resolve("second");

    ToolResult result = fetch(dest);

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isEqualTo(2);
    assertThat(result.stderr()).contains("line 2");
    assertThat(dest).doesNotExist();
  }
}
