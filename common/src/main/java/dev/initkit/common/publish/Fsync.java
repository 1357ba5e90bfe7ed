package dev.initkit.common.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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

  /**
   * Whether {@code path} is on a file system that lives in memory only (tmpfs, ramfs: an emptyDir
   * with {@code medium: Memory}). Flushing there does nothing, so a caller may skip the flushes and
   * the system calls they cost.
   */
  public static boolean isMemoryOnly(Path path) throws IOException {
    String type = Files.getFileStore(path).type();
    return type.equals("tmpfs") || type.equals("ramfs");
  }

  /** Flushes one file or directory. Opening a directory for reading to force it works on Linux. */
  public static void path(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
