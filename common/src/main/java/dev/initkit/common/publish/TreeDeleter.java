package dev.initkit.common.publish;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deletes a file or a directory tree without following symbolic links (a link in a result must
 * never make us delete what it points to). Entries that vanish meanwhile are not an error: a
 * shutdown hook and the worker may clean up the same staging area.
 *
 * <p>Public for tools that delete inside their own staged result (deps-fetch drops its throwaway
 * local repository; git-fetch empties a failed attempt's work tree, drops {@code .git}, and prunes
 * old checkouts of its symlink layout).
 */
public final class TreeDeleter {
  private TreeDeleter() {}

  /** Deletes {@code path} and, if it is a directory, everything under it; absent is fine. */
  public static void delete(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(path);
      return;
    }
    try {
      Files.walkFileTree(
          path,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure)
                throws IOException {
              if (failure instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw failure;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                throws IOException {
              if (failure != null && !(failure instanceof NoSuchFileException)) {
                throw failure;
              }
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException ignored) {
      // Someone else removed it first; the goal is reached.
    }
  }
}
