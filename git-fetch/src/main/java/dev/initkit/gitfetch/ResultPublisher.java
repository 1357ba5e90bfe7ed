package dev.initkit.gitfetch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes a directory appear at its destination whole or not at all. Stands in for common's {@code
 * publish.StagingArea} until that lands in main; the shape is the same so the switch is a few
 * lines.
 */
public interface ResultPublisher {
  /** Locks {@code dest}, removes what killed runs left behind, and opens an empty staging dir. */
  Staging stage(Path dest) throws IOException;

  /** The completion text of the complete result at {@code dest}, or empty if there is none. */
  Optional<String> completionText(Path dest) throws IOException;

  /** An open staging directory for one destination. */
  interface Staging extends AutoCloseable {
    /** The empty directory to build the result in. */
    Path path();

    /**
     * Flushes the staged result, records {@code completionText} in it and swaps it in for the
     * destination's previous content.
     */
    void publish(String completionText) throws IOException;

    /** Deletes the staging directory unless it was published, and releases the lock. */
    @Override
    void close() throws IOException;
  }
}
