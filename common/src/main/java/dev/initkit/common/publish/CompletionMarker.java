package dev.initkit.common.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The file {@code .initkit-complete} written last into a mount-point destination. Its presence says
 * the entries are complete; its text (a commit id, a digest) lets a re-run check that the result is
 * the one it would produce.
 */
final class CompletionMarker {
  static final String FILE_NAME = PublishedResult.ENTRY_PREFIX + "complete";
  private static final String TEMP_PREFIX = FILE_NAME + ".tmp-";
  static final int MAX_BYTES = 4096;

  private CompletionMarker() {}

  static Optional<String> read(Path dir) throws IOException {
    try {
      String text = Files.readString(dir.resolve(FILE_NAME), StandardCharsets.UTF_8);
      return Optional.of(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    }
  }

  /** Writes a temp file, flushes it, renames it into place and flushes the directory. */
  static void write(Path dir, String text) throws IOException {
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    Path temp = dir.resolve(TEMP_PREFIX + ProcessHandle.current().pid());
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    // Consumers run as another uid: the marker must be readable by the group like the entries.
    Files.setPosixFilePermissions(temp, FileModes.toPermissions(FileModes.DEFAULT_FILE));
    Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
    Fsync.path(dir);
  }

  /** Removes the marker and flushes the directory, so no crash can resurrect it. */
  static void delete(Path dir) throws IOException {
    if (Files.deleteIfExists(dir.resolve(FILE_NAME))) {
      Fsync.path(dir);
    }
  }

  static boolean isLeftover(Path entry) {
    return entry.getFileName().toString().startsWith(TEMP_PREFIX);
  }

  static void checkText(String text) {
    if (text.indexOf('\n') >= 0 || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "completion text must be one line of at most " + MAX_BYTES + " bytes");
    }
  }
}
