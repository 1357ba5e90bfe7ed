package dev.initkit.depsfetch;

import dev.initkit.common.failure.InitkitException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Puts a result in place whole or not at all: the tool writes into a staging directory, then {@link
 * Staging#publish()} swaps it in. The seam between the fetcher and common's publish package ({@link
 * StagingPublisher}).
 */
public interface ResultPublisher {
  /**
   * Opens a staging directory for {@code dest} on the same volume, removing what killed runs left.
   */
  Staging open(Path dest) throws IOException, InitkitException;

  /**
   * Whether {@code dest} holds a whole published result (a mount point only with its completion
   * marker), which a re-run may then verify instead of fetching again.
   */
  boolean isComplete(Path dest) throws IOException;

  /** A staging directory; closing it without publishing removes it. */
  interface Staging extends AutoCloseable {
    /** Where to write the result. */
    Path path();

    /** Swaps the staged result in at the destination; the old result, if any, goes. */
    void publish() throws IOException;

    @Override
    void close() throws IOException;
  }
}
