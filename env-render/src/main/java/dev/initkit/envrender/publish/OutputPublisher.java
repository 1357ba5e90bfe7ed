package dev.initkit.envrender.publish;

import dev.initkit.common.failure.InitkitException;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

/**
 * Puts a rendered result in place, never partially: readers see the previous result or the new one,
 * and the final mode is set before any byte is written. A result equal to what is already there is
 * left untouched (mtime too). To be replaced by common's {@code publish} package when it lands in
 * main.
 */
public interface OutputPublisher {
  /** What publishing did. */
  enum Outcome {
    /** New content was renamed into place. */
    WRITTEN,
    /** The same content and mode were already there; nothing was touched. */
    UNCHANGED,
    /** The same content was there with another mode; only the mode was changed. */
    MODE_CHANGED
  }

  /** Publishes one file. */
  Outcome publishFile(Path file, byte[] content, Set<PosixFilePermission> mode)
      throws IOException, InitkitException;

  /** Publishes a directory holding exactly {@code files} (name to content). */
  Outcome publishDirectory(Path dir, Map<String, byte[]> files, Set<PosixFilePermission> mode)
      throws IOException, InitkitException;
}
