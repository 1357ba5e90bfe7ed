package dev.initkit.common.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.common.failure.ExitCode;
import dev.initkit.common.failure.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModesTest {
  @TempDir Path volume;

  static int modeOf(Path path) throws IOException {
    return FileModes.toMode(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void defaultsAreGroupReadable() {
    FileModes modes = FileModes.defaults();

    assertThat(modes.modeFor(Path.of("a.txt"), false)).isEqualTo(0644);
    assertThat(modes.modeFor(Path.of("dir"), true)).isEqualTo(0755);
  }

  @Test
  void secretFilesAreHiddenFromOthers() {
    FileModes modes = FileModes.defaults().withSecretFiles(p -> p.toString().endsWith(".env"));

    assertThat(modes.modeFor(Path.of("conf/app.env"), false)).isEqualTo(0640);
    assertThat(modes.modeFor(Path.of("conf/app.yaml"), false)).isEqualTo(0644);
    assertThat(modes.modeFor(Path.of("conf"), true)).isEqualTo(0755);
  }

  @Test
  void groupWritableAddsGroupWriteEverywhere() {
    FileModes modes = FileModes.defaults().allSecret().groupWritable();

    assertThat(modes.modeFor(Path.of("a"), false)).isEqualTo(0660);
    assertThat(modes.modeFor(Path.of("d"), true)).isEqualTo(0775);
  }

  @Test
  void explicitModeWinsAndDirectoriesStaySearchable() {
    FileModes modes = FileModes.defaults().allSecret().withFileMode(0604);

    assertThat(modes.modeFor(Path.of("a"), false)).isEqualTo(0604);
    assertThat(modes.modeFor(Path.of("d"), true)).isEqualTo(0705);
  }

  @Test
  void modeIsParsedFromThreeOrFourOctalDigits() throws UsageException {
    assertThat(FileModes.parseMode("640")).isEqualTo(0640);
    assertThat(FileModes.parseMode("0755")).isEqualTo(0755);
  }

  @Test
  void badModeIsAUsageError() {
    for (String bad : new String[] {"", "64", "0888", "4755", "rw-r--r--", "07777"}) {
      assertThatThrownBy(() -> FileModes.parseMode(bad))
          .isInstanceOfSatisfying(
              UsageException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
          .hasMessageContaining("644");
    }
  }

  @Test
  void permissionsConvertBothWays() {
    for (int mode = 0; mode <= 0777; mode++) {
      assertThat(FileModes.toMode(FileModes.toPermissions(mode))).isEqualTo(mode);
    }
  }

  @Test
  void policyIsAppliedToTheWholeTree() throws IOException {
    Path root = Files.createDirectory(volume.resolve("root"));
    Path sub = Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("secret.env"), "K=V");
    Files.writeString(sub.resolve("plain.txt"), "x");
    Files.createSymbolicLink(root.resolve("link"), sub.resolve("plain.txt"));
    Files.setPosixFilePermissions(sub, FileModes.toPermissions(0700));

    FileModes.defaults().withSecretFiles(p -> p.equals(Path.of("secret.env"))).applyTo(root);

    assertThat(modeOf(root)).isEqualTo(0755);
    assertThat(modeOf(sub)).isEqualTo(0755);
    assertThat(modeOf(root.resolve("secret.env"))).isEqualTo(0640);
    assertThat(modeOf(sub.resolve("plain.txt"))).isEqualTo(0644);
  }

  @Test
  void singleFileResultSeesTheEmptyPath() throws IOException {
    Path file = Files.writeString(volume.resolve("app.env"), "K=V");

    FileModes.defaults().withSecretFiles(p -> p.toString().isEmpty()).applyTo(file);

    assertThat(modeOf(file)).isEqualTo(0640);
  }
}
