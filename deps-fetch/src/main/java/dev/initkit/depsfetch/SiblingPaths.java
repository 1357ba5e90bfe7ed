package dev.initkit.depsfetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Hidden working paths beside a destination, in the same volume so that a rename can move them in:
 * {@code .<name>.<purpose>-<pid>-<random>}. The pid lets the next run tell the leftovers of a dead
 * process from the work of a live one and remove only the former.
 */
final class SiblingPaths {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SiblingPaths() {}

  /** A new, not yet existing path beside {@code dest} for {@code purpose}. */
  static Path create(Path dest, String purpose) {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    String name =
        "."
            + dest.getFileName()
            + "."
            + purpose
            + "-"
            + ProcessHandle.current().pid()
            + "-"
            + HexFormat.of().formatHex(bytes);
    return dest.resolveSibling(name);
  }

  /** Removes the paths beside {@code dest} for {@code purpose} whose process is gone. */
  static void removeStale(Path dest, String purpose) throws IOException {
    Path parent = dest.getParent();
    String prefix = "." + dest.getFileName() + "." + purpose + "-";
    if (parent == null || !Files.isDirectory(parent)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, prefix + "*")) {
      for (Path entry : entries) {
        Optional<Long> pid = pid(entry.getFileName().toString().substring(prefix.length()));
        boolean alive = pid.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
          deleteTree(entry);
        }
      }
    }
  }

  private static Optional<Long> pid(String rest) {
    int dash = rest.indexOf('-');
    try {
      return Optional.of(Long.parseLong(dash < 0 ? rest : rest.substring(0, dash)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Deletes a file or a tree; a missing path is fine. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              if (e != null && !(e instanceof NoSuchFileException)) {
                throw e;
              }
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
