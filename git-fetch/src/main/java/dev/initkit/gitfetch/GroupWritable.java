package dev.initkit.gitfetch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Adds g+w to every directory and regular file of a tree, keeping the other bits (the execute bit
 * of scripts in particular). Symlinks have no mode of their own and are left alone.
 */
final class GroupWritable {
  private GroupWritable() {}

  static void apply(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            add(dir);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isRegularFile()) {
              add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void add(Path path) throws IOException {
    Set<PosixFilePermission> permissions =
        Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
    if (permissions.add(PosixFilePermission.GROUP_WRITE)) {
      Files.setPosixFilePermissions(path, permissions);
    }
  }
}
