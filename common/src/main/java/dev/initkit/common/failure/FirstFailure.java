package dev.initkit.common.failure;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The first failure of work shared among threads, kept so that the thread that waits for them
 * throws it as it was: an {@link IOException} as itself, an unchecked exception or error as it is.
 * Later failures (often the first one's consequences) are dropped.
 */
public final class FirstFailure {
  private final AtomicReference<Throwable> first = new AtomicReference<>();

  /** Keeps {@code failure} unless one is kept already: an I/O or unchecked failure. */
  public void record(Throwable failure) {
    if (!(failure instanceof IOException
        || failure instanceof RuntimeException
        || failure instanceof Error)) {
      throw new IllegalArgumentException("not an I/O or unchecked failure", failure);
    }
    first.compareAndSet(null, failure);
  }

  /** Whether a failure was kept. */
  public boolean isPresent() {
    return first.get() != null;
  }

  /** Throws the kept failure, if any, as it was. */
  public void rethrow() throws IOException {
    Throwable failure = first.get();
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
  }
}
