package dev.initkit.envrender.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes into a hidden staging file (or directory) next to the destination, in the same file
 * system: created with owner-only access, given its final mode, then written, flushed to disk,
 * renamed over the destination, and the directory flushed. A kill at any moment leaves the old
 * result or the new one; staging left by a killed run is removed by the next run.
 */
public final class RenamingPublisher implements OutputPublisher {
  private static final String STAGING_MARK = ".env-render-";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");

  @Override
  public Outcome publishFile(Path file, byte[] content, Set<PosixFilePermission> mode)
      throws IOException {
    Path target = file.toAbsolutePath();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    removeStaleStaging(parent, target.getFileName().toString());
    if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
      if (Files.getPosixFilePermissions(target).equals(mode)) {
        return Outcome.UNCHANGED;
      }
      Files.setPosixFilePermissions(target, mode);
      return Outcome.MODE_CHANGED;
    }
    Path staging = stagingPath(parent, target.getFileName().toString(), "tmp");
    try {
      writeNew(staging, content, mode);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(staging);
    }
    syncDirectory(parent);
    return Outcome.WRITTEN;
  }

  @Override
  public Outcome publishDirectory(
      Path dir, Map<String, byte[]> files, Set<PosixFilePermission> mode) throws IOException {
    Path target = dir.toAbsolutePath();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    String name = target.getFileName().toString();
    removeStaleStaging(parent, name);
    if (Files.isDirectory(target) && sameContent(target, files, mode)) {
      return Outcome.UNCHANGED;
    }
    Path staging = stagingPath(parent, name, "tmp");
    Path old = stagingPath(parent, name, "old");
    try {
      Files.createDirectory(staging, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
      for (Map.Entry<String, byte[]> entry : new TreeMap<>(files).entrySet()) {
        writeNew(staging.resolve(entry.getKey()), entry.getValue(), mode);
      }
      Files.setPosixFilePermissions(staging, directoryMode(mode));
      syncDirectory(staging);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
          throw new IOException(
              "cannot move "
                  + target
                  + " aside to replace it ("
                  + e.getReason()
                  + "); if it is a mount point, give --dest a directory inside the volume",
              e);
        }
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(parent);
    } finally {
      deleteTree(staging);
      deleteTree(old);
    }
    return Outcome.WRITTEN;
  }

  /** rw for owner/group/others becomes rwx, so the files in it can be reached. */
  static Set<PosixFilePermission> directoryMode(Set<PosixFilePermission> fileMode) {
    Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
    mode.addAll(fileMode);
    mode.add(PosixFilePermission.OWNER_EXECUTE);
    mode.add(PosixFilePermission.OWNER_READ);
    mode.add(PosixFilePermission.OWNER_WRITE);
    if (fileMode.contains(PosixFilePermission.GROUP_READ)) {
      mode.add(PosixFilePermission.GROUP_EXECUTE);
    }
    if (fileMode.contains(PosixFilePermission.OTHERS_READ)) {
      mode.add(PosixFilePermission.OTHERS_EXECUTE);
    }
    return mode;
  }

  private boolean sameContent(Path dir, Map<String, byte[]> files, Set<PosixFilePermission> mode)
      throws IOException {
    Set<String> present = new HashSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        present.add(entry.getFileName().toString());
      }
    }
    if (!present.equals(files.keySet())) {
      return false;
    }
    for (Map.Entry<String, byte[]> entry : files.entrySet()) {
      Path file = dir.resolve(entry.getKey());
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
          || !Files.getPosixFilePermissions(file).equals(mode)
          || !Arrays.equals(Files.readAllBytes(file), entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  private void writeNew(Path file, byte[] content, Set<PosixFilePermission> mode)
      throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file,
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
      // The final mode before the first byte: chmod is not subject to the umask.
      Files.setPosixFilePermissions(file, mode);
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  private Path stagingPath(Path parent, String name, String kind) {
    return parent.resolve(
        // Unpredictability is not needed: files are created with CREATE_NEW, never reused.
        "."
            + name
            + STAGING_MARK
            + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
            + "."
            + kind);
  }

  /** Removes what a killed run of ours left next to {@code name}. */
  private static void removeStaleStaging(Path parent, String name) throws IOException {
    String prefix = "." + name + STAGING_MARK;
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
      for (Path entry : entries) {
        String entryName = entry.getFileName().toString();
        if (entryName.startsWith(prefix)
            && (entryName.endsWith(".tmp") || entryName.endsWith(".old"))) {
          stale.add(entry);
        }
      }
    }
    for (Path path : stale) {
      deleteTree(path);
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      List<Path> children = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
        entries.forEach(children::add);
      }
      for (Path child : children) {
        deleteTree(child);
      }
    }
    Files.deleteIfExists(path);
  }

  private static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
