package dev.initkit.gitfetch;

import dev.initkit.common.publish.PublishedResult;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * How many files (regular files and symlinks) and bytes (of the regular files) a checkout holds.
 * Not counted: its {@code .git} (and its submodules'), and what common's publisher keeps at the top
 * of a result (the completion marker, and in a mount point the lock).
 */
public record TreeStats(long files, long bytes) {
  public static final TreeStats NONE = new TreeStats(0, 0);

  public TreeStats plus(TreeStats other) {
    return new TreeStats(files + other.files, bytes + other.bytes);
  }

  /** Counts by walking the tree at {@code root}: for a checkout this run did not write. */
  public static TreeStats of(Path root) throws IOException {
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
