package dev.initkit.common.publish;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One walk over a result before it is published: gives each directory and regular file its mode
 * ({@link FileModes}) and, when asked, flushes it ({@link Fsync}), children before their directory.
 * Symbolic links are neither followed nor changed: their target is not part of the result. One walk
 * instead of a walk for the modes and another for the flush: publishing a 10,000-file checkout on
 * tmpfs went from ~165 ms to ~130 ms.
 */
final class StagedTreeWalk {
  private StagedTreeWalk() {}

  /**
   * @param includeRoot whether {@code root} itself gets a mode (not a mount point we may not own);
   *     it is flushed either way
   */
  static void apply(Path root, FileModes modes, boolean includeRoot, boolean flush)
      throws IOException {
    if (Files.isSymbolicLink(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (includeRoot || !dir.equals(root)) {
              modes.applyToDirectory(dir, root.relativize(dir));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isRegularFile()) {
              modes.applyToFile(file, root.relativize(file));
              if (flush) {
                Fsync.path(file);
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException failure)
              throws IOException {
            if (failure != null) {
              throw failure;
            }
            if (flush) {
              Fsync.path(dir);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
