package dev.initkit.envrender.publish;

import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.publish.DestinationType;
import dev.initkit.common.publish.FileModes;
import dev.initkit.common.publish.PublishOptions;
import dev.initkit.common.publish.PublishedResult;
import dev.initkit.common.publish.ShutdownGuard;
import dev.initkit.common.publish.StagingArea;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Publishes through common's {@link StagingArea}: staging beside the destination (or entries then a
 * completion marker inside a mount point), the destination locked against another run, leftovers of
 * killed runs removed, SIGTERM handled by a {@link ShutdownGuard}. What env-render adds: an output
 * equal to what is there is not touched at all (mtime included), and each staged file gets its
 * final mode before its first byte.
 */
public final class StagingPublisher implements OutputPublisher {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  @Override
  public Outcome publishFile(Path file, byte[] content, Set<PosixFilePermission> mode)
      throws IOException, InitkitException {
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        && Arrays.equals(Files.readAllBytes(file), content)) {
      if (Files.getPosixFilePermissions(file).equals(mode)) {
        return Outcome.UNCHANGED;
      }
      Files.setPosixFilePermissions(file, mode);
      return Outcome.MODE_CHANGED;
    }
    PublishOptions options = PublishOptions.file().withModes(modes(mode));
    try (ShutdownGuard guard = ShutdownGuard.open();
        StagingArea area = guard.protect(StagingArea.open(file, options))) {
      Files.setPosixFilePermissions(area.path(), mode);
      try (FileChannel channel =
          FileChannel.open(
              area.path(), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        write(channel, content);
      }
      area.publish();
    }
    return Outcome.WRITTEN;
  }

  @Override
  public Outcome publishDirectory(
      Path dir, Map<String, byte[]> files, Set<PosixFilePermission> mode)
      throws IOException, InitkitException {
    if (sameContent(dir, files, mode)) {
      return Outcome.UNCHANGED;
    }
    PublishOptions options = PublishOptions.directory().withModes(modes(mode));
    try (ShutdownGuard guard = ShutdownGuard.open();
        StagingArea area = guard.protect(StagingArea.open(dir, options))) {
      for (Map.Entry<String, byte[]> entry : new TreeMap<>(files).entrySet()) {
        Path file = area.path().resolve(entry.getKey());
        try (FileChannel channel =
            FileChannel.open(
                file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
          // The final mode before the first byte: chmod is not subject to the umask.
          Files.setPosixFilePermissions(file, mode);
          write(channel, entry.getValue());
        }
      }
      area.publish();
    }
    return Outcome.WRITTEN;
  }

  private static void write(FileChannel channel, byte[] content) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(content);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** common's policy for an explicit file mode (directories get x where the mode grants r). */
  static FileModes modes(Set<PosixFilePermission> mode) {
    return FileModes.defaults().withFileMode(bits(mode));
  }

  static int bits(Set<PosixFilePermission> mode) {
    int bits = 0;
    for (PosixFilePermission permission : mode) {
      bits |= 1 << (8 - permission.ordinal());
    }
    return bits;
  }

  /**
   * Whether {@code dir} is a complete published result holding exactly {@code files}, each with
   * {@code mode}. Hidden entries (the lock, a mount point's completion marker) are not part of it.
   */
  private static boolean sameContent(
      Path dir, Map<String, byte[]> files, Set<PosixFilePermission> mode) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
        || !PublishedResult.isComplete(dir, DestinationType.DETECT)) {
      return false;
    }
    Set<String> present = new HashSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".")) {
          present.add(name);
        }
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
}
