package dev.initkit.common.publish;

import dev.initkit.common.failure.DeadlineExceededException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * An exclusive OS lock on a destination, held for a run's lifetime, so that two runs on one volume
 * (two Pods) never remove each other's live staging. The lock file is never deleted: unlinking it
 * while another run waits on it would let a third run lock a new file and both proceed. The kernel
 * releases the lock when the process dies, even on SIGKILL.
 */
final class DestinationLock implements AutoCloseable {
  private static final long FIRST_POLL_MILLIS = 10;
  private static final long MAX_POLL_MILLIS = 250;

  private final FileChannel channel;
  private final FileLock lock;

  private DestinationLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock on {@code lockFile}, waiting at most {@code wait}. FileChannel.lock cannot time
   * out, so this polls tryLock with a growing pause.
   *
   * @throws DeadlineExceededException when another run still holds it after {@code wait}
   */
  static DestinationLock acquire(Path lockFile, Duration wait)
      throws IOException, DeadlineExceededException {
    Instant deadline = Instant.now().plus(wait);
    FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      long pause = FIRST_POLL_MILLIS;
      while (true) {
        FileLock lock = tryLock(channel);
        if (lock != null) {
          return new DestinationLock(channel, lock);
        }
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
          throw new DeadlineExceededException(
              "another run still holds "
                  + lockFile
                  + " after "
                  + wait.toMillis()
                  + " ms; perhaps another Pod writes to the same destination, or raise the"
                  + " timeout",
              null);
        }
        Thread.sleep(Math.min(pause, left.toMillis() + 1));
        pause = Math.min(pause * 2, MAX_POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      channel.close();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + lockFile);
    } catch (IOException | DeadlineExceededException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Null while another holder has it: another process, or another run in this same JVM. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    // Closing the channel releases the lock, and unlike release() it works on an interrupted
    // thread.
    channel.close();
  }

  boolean isHeld() {
    return lock.isValid();
  }
}
