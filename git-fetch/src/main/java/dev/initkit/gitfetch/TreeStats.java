package dev.initkit.gitfetch;

import dev.initkit.common.publish.PublishedResult;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * How many files and bytes a checkout holds. Not counted: its {@code .git} (and its submodules'),
 * and what common's publisher keeps at the top of a result (the completion marker, and in a mount
 * point the lock).
 */
record TreeStats(long files, long bytes) {
  static TreeStats of(Path root) throws IOException {
    long[] counts = new long[2];
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            // Submodules keep their own .git, as the top does.
            return dir.getFileName().toString().equals(".git")
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (file.getParent().equals(root) && PublishedResult.isPublisherEntry(file)) {
              return FileVisitResult.CONTINUE;
            }
            if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
              counts[0]++;
            }
            if (attrs.isRegularFile()) {
              counts[1] += attrs.size();
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return new TreeStats(counts[0], counts[1]);
  }
}
