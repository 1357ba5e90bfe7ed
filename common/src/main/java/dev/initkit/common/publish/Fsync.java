package dev.initkit.common.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Flushes files and directories to the disk, so that a rename that makes a result visible is never
 * persisted before the result's own bytes (a crash of the node would otherwise leave empty files
 * under the final name).
 *
 * <p>Public for tools that make their own atomic rename beside a published result (git-fetch's
 * symlink swap flushes the link's directory).
 */
public final class Fsync {
  private Fsync() {}

  /** Flushes one file or directory. Opening a directory for reading to force it works on Linux. */
  public static void path(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /**
   * Flushes every file and directory under {@code root}, children before their directory. Symbolic
   * links are not followed: their target is not part of the result.
   */
  static void tree(Path root) throws IOException {
    if (Files.isSymbolicLink(root)) {
      return;
    }
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      path(root);
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isRegularFile()) {
              path(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException failure)
              throws IOException {
            if (failure != null) {
              throw failure;
            }
            path(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
