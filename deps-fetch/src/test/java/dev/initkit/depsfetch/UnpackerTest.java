package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.common.failure.JobFailedException;
import dev.initkit.depsfetch.testrepo.TarBuilder;
import dev.initkit.depsfetch.testrepo.TestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking zip and tar archives, and every way out of the target directory refused. */
class UnpackerTest {
  private static final Coordinates PLUGIN = Coordinates.parse("org.acme:plugin:tar.gz:1.0");
  private static final Coordinates PLAIN = Coordinates.parse("org.acme:plugin:tar:1.0");

  @TempDir Path dir;

  private Path unpacked() {
    return dir.resolve("plugin-1.0");
  }

  private void unpack(Coordinates coordinates, byte[] archive) throws Exception {
    Path file = Files.write(dir.resolve("archive"), archive);
    Unpacker.unpack(file, unpacked(), coordinates);
  }

  private void assertRefused(TarBuilder tar, String entry, String why) {
    assertThatThrownBy(() -> unpack(PLAIN, tar.tar()))
        .isInstanceOf(JobFailedException.class)
        .hasMessageContaining("org.acme:plugin:tar:1.0")
        .hasMessageContaining("'" + entry + "' " + why)
        .hasMessageContaining("nothing placed");
    assertThat(dir.resolveSibling("outside")).doesNotExist();
  }

  @Test
  void tarGzFilesDirectoriesLinksAndModesArePlaced() throws Exception {
    String longName = "deep/" + "x".repeat(120) + "/file.txt";
    byte[] archive =
        new TarBuilder()
            .directory("bin/")
            .file("bin/run.sh", "#!/bin/sh\n", 0755)
            .file("lib/a.jar", "a")
            .symlink("lib/current.jar", "a.jar")
            .hardLink("lib/copy.jar", "lib/a.jar")
            .file(longName, "long")
            .tarGz();

    unpack(PLUGIN, archive);

    assertThat(unpacked().resolve("lib/a.jar")).hasContent("a");
    assertThat(unpacked().resolve("lib/current.jar")).isSymbolicLink().hasContent("a");
    assertThat(unpacked().resolve("lib/copy.jar")).hasContent("a");
    assertThat(unpacked().resolve(longName)).hasContent("long");
    assertThat(Files.getPosixFilePermissions(unpacked().resolve("bin/run.sh")))
        .contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.getPosixFilePermissions(unpacked().resolve("lib/a.jar")))
        .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
  }

  @Test
  void whatGnuTarWritesIsRead() throws Exception {
    Path source = Files.createDirectories(dir.resolve("src"));
    String longName = "y".repeat(150) + ".txt";
    Files.writeString(source.resolve(longName), "gnu long name");
    Files.createSymbolicLink(source.resolve("link"), Path.of(longName));
    Path archive = dir.resolve("gnu.tar.gz");
    Process tar =
        new ProcessBuilder(
                "tar", "--format=gnu", "-czf", archive.toString(), "-C", source.toString(), ".")
            .redirectErrorStream(true)
            .start();
    assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes())).isZero();

    Unpacker.unpack(archive, unpacked(), PLUGIN);

    assertThat(unpacked().resolve(longName)).hasContent("gnu long name");
    assertThat(unpacked().resolve("link")).isSymbolicLink().hasContent("gnu long name");
  }

  @Test
  void zipIsStillUnpacked() throws Exception {
    unpack(
        Coordinates.parse("org.acme:plugin:zip:1.0"),
        TestRepository.zip(List.of("lib/plugin.jar", "README")));

    assertThat(unpacked().resolve("lib/plugin.jar")).hasContent("lib/plugin.jar");
  }

  @Test
  void parentDirectoryEntryIsRefused() {
    assertRefused(
        new TarBuilder().file("ok.txt", "ok").file("../outside/evil.txt", "x"),
        "../outside/evil.txt",
        "would land outside");
  }

  @Test
  void absoluteEntryIsRefused() {
    assertRefused(
        new TarBuilder().file("/tmp/evil.txt", "x"), "/tmp/evil.txt", "would land outside");
  }

  @Test
  void symlinkOutOfTheDirectoryIsRefused() {
    assertRefused(new TarBuilder().symlink("up", "../../etc"), "up", "is a link to '../../etc'");
  }

  @Test
  void absoluteSymlinkIsRefused() {
    assertRefused(new TarBuilder().symlink("passwd", "/etc/passwd"), "passwd", "is a link to");
  }

  @Test
  void chainOfLinksThatClimbsOutIsRefused() {
    // Each link looks inside by its name; "a" points at ".", so a/a/a/../../.. is really ../..
    assertRefused(
        new TarBuilder().symlink("a", ".").symlink("escape", "a/a/a/../../.."),
        "escape",
        "is a link that resolves outside");
  }

  @Test
  void writingThroughALinkIsRefused() {
    assertRefused(
        new TarBuilder().directory("sub/").symlink("dir", "sub").file("dir/file.txt", "x"),
        "dir/file.txt",
        "would be written through a link");
  }

  @Test
  void hardLinkToAFileOutsideIsRefused() {
    assertRefused(
        new TarBuilder().hardLink("shadow", "../../etc/shadow"), "shadow", "is a hard link");
  }

  @Test
  void hardLinkToNothingUnpackedIsRefused() {
    assertRefused(new TarBuilder().hardLink("copy", "missing"), "copy", "is a hard link");
  }

  @Test
  void danglingLinkIsRefused() {
    assertRefused(
        new TarBuilder().symlink("dangling", "missing"), "dangling", "is a link to nothing");
  }

  @Test
  void devicesAreRefused() {
    assertRefused(new TarBuilder().special("tty", '3'), "tty", "is a device");
  }

  @Test
  void damagedArchiveFailsNamingTheArtifact() throws IOException {
    byte[] archive = new TarBuilder().file("a.txt", "a").tar();
    archive[10] ^= 1;

    assertThatThrownBy(() -> unpack(PLAIN, archive))
        .isInstanceOf(JobFailedException.class)
        .hasMessageContaining("could not unpack org.acme:plugin:tar:1.0")
        .hasMessageContaining("checksum");
  }

  @Test
  void truncatedArchiveFails() {
    byte[] whole = new TarBuilder().file("a.txt", "a".repeat(2000)).tar();
    byte[] archive = java.util.Arrays.copyOf(whole, 1000);

    assertThatThrownBy(() -> unpack(PLAIN, archive))
        .isInstanceOf(JobFailedException.class)
        .hasMessageContaining("could not unpack");
  }

  @Test
  void notGzipFailsNamingTheArtifact() {
    assertThatThrownBy(() -> unpack(PLUGIN, new TarBuilder().file("a", "a").tar()))
        .isInstanceOf(JobFailedException.class)
        .hasMessageContaining("could not unpack org.acme:plugin:tar.gz:1.0");
  }
}
