package dev.initkit.depsfetch;

import dev.initkit.common.failure.JobFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The directory an archive is unpacked into, refusing every entry that would place or point
 * anything outside it: names that are absolute or climb out ({@code ../}), writes through a
 * symbolic link, links whose target is outside (checked by name when placed, and on the real file
 * system once every entry is in, which catches chains of links), hard links to anything but a file
 * already unpacked. A refusal names the artifact and the entry; the caller's staging directory then
 * goes, so nothing is placed.
 */
final class UnpackTarget {
  private final Path root;
  private final String directoryName;
  private final Coordinates coordinates;
  private final List<Path> symlinks = new ArrayList<>();

  UnpackTarget(Path dir, Coordinates coordinates) throws IOException {
    this.root = Files.createDirectories(dir).toAbsolutePath().normalize();
    this.directoryName = dir.getFileName().toString();
    this.coordinates = coordinates;
  }

  void directory(String name) throws IOException, JobFailedException {
    Path target = inside(name);
    if (!target.equals(root)) {
      Files.createDirectories(target);
    }
  }

  void file(String name, InputStream content, boolean executable)
      throws IOException, JobFailedException {
    Path target = entry(name);
    Files.createDirectories(target.getParent());
    Files.copy(content, target);
    if (executable) {
      // Kept through common's modes, which make an owner-executable file 0755.
      Files.setPosixFilePermissions(
          target,
          EnumSet.of(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.OWNER_EXECUTE));
    }
  }

  void symlink(String name, String linkTarget) throws IOException, JobFailedException {
    Path link = entry(name);
    if (linkTarget.isEmpty() || linkTarget.startsWith("/") || linkTarget.contains("\\")) {
      throw refused(name, "is a link to '" + linkTarget + "', which is absolute or empty");
    }
    if (!link.getParent().resolve(linkTarget).normalize().startsWith(root)) {
      throw refused(
          name,
          "is a link to '" + linkTarget + "', outside " + directoryName + " (path traversal)");
    }
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, Path.of(linkTarget));
    symlinks.add(link);
  }

  /** A hard link becomes a copy of the file it names, which the archive must have placed before. */
  void hardLink(String name, String linkTarget) throws IOException, JobFailedException {
    Path link = entry(name);
    Path source = root.resolve(linkTarget).normalize();
    if (linkTarget.startsWith("/")
        || !source.startsWith(root)
        || throughSymlink(source)
        || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      throw refused(
          name, "is a hard link to '" + linkTarget + "', not a file unpacked before it inside");
    }
    Files.createDirectories(link.getParent());
    Files.copy(source, link);
  }

  /** Checks, with every entry in, that each link resolves to a file or directory inside. */
  void finish() throws IOException, JobFailedException {
    Path realRoot = root.toRealPath();
    for (Path link : symlinks) {
      String name = root.relativize(link).toString();
      Path real;
      try {
        real = link.toRealPath();
      } catch (IOException e) {
        throw refused(name, "is a link to nothing in the archive");
      }
      if (!real.startsWith(realRoot)) {
        throw refused(
            name, "is a link that resolves outside " + directoryName + " (path traversal)");
      }
    }
  }

  JobFailedException refused(String entryName, String why) {
    return new JobFailedException(
        "refused to unpack "
            + coordinates
            + ": its entry '"
            + entryName
            + "' "
            + why
            + "; nothing placed");
  }

  /** A new entry's path: inside, not the root itself, nothing on the way a link. */
  private Path entry(String name) throws IOException, JobFailedException {
    Path target = inside(name);
    if (target.equals(root)) {
      throw refused(name, "names the directory itself");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw refused(name, "comes twice");
    }
    return target;
  }

  private Path inside(String name) throws IOException, JobFailedException {
    Path target = root.resolve(name).normalize();
    if (name.startsWith("/") || name.contains("\\") || !target.startsWith(root)) {
      throw refused(name, "would land outside " + directoryName + " (path traversal)");
    }
    if (throughSymlink(target)) {
      throw refused(name, "would be written through a link (path traversal)");
    }
    return target;
  }

  /** Whether a directory between the root and {@code target} is a symbolic link. */
  private boolean throughSymlink(Path target) {
    for (Path p = target.getParent();
        p != null && p.startsWith(root) && !p.equals(root);
        p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        return true;
      }
    }
    return false;
  }
}
