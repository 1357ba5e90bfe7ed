package dev.initkit.depsfetch;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Puts a result in place whole or not at all: the tool writes into a staging directory beside the
 * destination, then {@link Staging#publish()} swaps it in. A stand-in for common's publish package
 * until it lands; the shape is the same so the switch is a few lines.
 */
public interface ResultPublisher {
  /** Opens a staging directory for {@code dest}, removing what killed runs left beside it. */
  Staging open(Path dest) throws IOException;

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
