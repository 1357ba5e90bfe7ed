package dev.initkit.depsfetch;

import dev.initkit.common.failure.JobFailedException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks zip and tar artifacts (plugins shipped as archives: {@code .zip}, {@code .tar}, {@code
 * .tar.gz}, {@code .tgz}) into a directory through an {@link UnpackTarget}, which refuses anything
 * that would land or point outside it: the whole run then fails and places nothing.
 */
final class Unpacker {
  private static final List<String> EXTENSIONS = List.of("zip", "tar", "tar.gz", "tgz");

  private Unpacker() {}

  /** Whether an artifact of this extension is unpacked by {@code --unpack}. */
  static boolean unpacks(String extension) {
    return EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT));
  }

  /**
   * The directory name for an archive's flat name: {@code plugin-1.0.tar.gz} of extension {@code
   * tar.gz} gives {@code plugin-1.0}.
   */
  static String directoryName(String archiveName, String extension) {
    return archiveName.substring(0, archiveName.length() - extension.length() - 1);
  }

  /**
   * Unpacks {@code archive}, an artifact of {@code coordinates}, into the new directory {@code
   * dir}.
   *
   * @throws JobFailedException when an entry is refused or the archive cannot be read
   */
  static void unpack(Path archive, Path dir, Coordinates coordinates)
      throws IOException, JobFailedException {
    UnpackTarget target = new UnpackTarget(dir, coordinates);
    String extension = coordinates.extension().toLowerCase(Locale.ROOT);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
      if (extension.equals("zip")) {
        unzip(in, target);
      } else {
        untar(extension.equals("tar") ? in : new GZIPInputStream(in, 1 << 16), target);
      }
    } catch (ZipException | EOFException | TarReader.FormatException e) {
      throw new JobFailedException(
          "could not unpack " + coordinates + ": " + e.getMessage() + "; nothing placed", e);
    }
    target.finish();
  }

  private static void unzip(InputStream in, UnpackTarget target)
      throws IOException, JobFailedException {
    ZipInputStream zip = new ZipInputStream(in);
    for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
      if (entry.isDirectory()) {
        target.directory(entry.getName());
      } else {
        target.file(entry.getName(), zip, false);
      }
    }
  }

  private static void untar(InputStream in, UnpackTarget target)
      throws IOException, JobFailedException {
    TarReader tar = new TarReader(in);
    for (TarReader.Entry entry; (entry = tar.next()) != null; ) {
      switch (entry.type()) {
        case DIRECTORY -> target.directory(entry.name());
        case FILE -> target.file(entry.name(), tar.content(), (entry.mode() & 0100) != 0);
        case SYMLINK -> target.symlink(entry.name(), entry.linkName());
        case HARD_LINK -> target.hardLink(entry.name(), entry.linkName());
        default ->
            throw target.refused(entry.name(), "is a device, FIFO or sparse file, not placed");
      }
    }
  }

  /**
   * A SHA-256 over a directory tree: each regular file's relative path and SHA-256, each link's
   * path and target, in path order. The manifest keeps it to verify an unpacked archive on a
   * re-run.
   */
  static String treeSha256(Path dir) throws IOException {
    MessageDigest digest = Sha256.digest();
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(dir)) {
      entries =
          walk.filter(
                  p -> Files.isSymbolicLink(p) || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
              .sorted()
              .toList();
    }
    for (Path entry : entries) {
      String content =
          Files.isSymbolicLink(entry) ? "-> " + Files.readSymbolicLink(entry) : Sha256.of(entry);
      String line = dir.relativize(entry).toString().replace('\\', '/') + "\0" + content;
      digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
