package dev.initkit.depsfetch;

import dev.initkit.common.failure.JobFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks zip artifacts (plugins shipped as archives) into a directory, refusing any entry that
 * would land outside it ({@code ../}, absolute paths): the whole run then fails and places nothing.
 */
final class Unpacker {
  private Unpacker() {}

  /** Whether an artifact of this extension is unpacked by {@code --unpack}. */
  static boolean unpacks(String extension) {
    return extension.toLowerCase(Locale.ROOT).equals("zip");
  }

  /**
   * The directory name for an archive's flat name: {@code plugin-1.0.zip} gives {@code plugin-1.0}.
   */
  static String directoryName(String archiveName) {
    int dot = archiveName.lastIndexOf('.');
    return dot < 0 ? archiveName : archiveName.substring(0, dot);
  }

  /** Unpacks {@code archive} into the new directory {@code dir}. */
  static void unzip(Path archive, Path dir, Coordinates coordinates)
      throws IOException, JobFailedException {
    Files.createDirectories(dir);
    Path root = dir.toAbsolutePath().normalize();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        String name = entry.getName();
        Path target = root.resolve(name).normalize();
        if (name.startsWith("/")
            || name.contains("\\")
            || !target.startsWith(root)
            || target.equals(root)) {
          throw new JobFailedException(
              "refused to unpack "
                  + coordinates
                  + ": its entry '"
                  + name
                  + "' would land outside "
                  + dir.getFileName()
                  + " (path traversal); nothing placed");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target);
        }
      }
    }
  }

  /**
   * A SHA-256 over a directory tree: each regular file's relative path and SHA-256, in path order.
   * The manifest keeps it to verify an unpacked archive on a re-run.
   */
  static String treeSha256(Path dir) throws IOException {
    MessageDigest digest = Sha256.digest();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String line = dir.relativize(file).toString().replace('\\', '/') + "\0" + Sha256.of(file);
      digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
