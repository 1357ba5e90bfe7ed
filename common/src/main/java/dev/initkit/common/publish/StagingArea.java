package dev.initkit.common.publish;

import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.UsageException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Where a tool builds its result before it becomes visible at the destination, so that the
 * destination never holds a partial result.
 *
 * <p>{@link #open} takes an exclusive lock on the destination (another Pod on the same volume
 * waits), removes what killed runs left behind, and creates a fresh staging path on the same file
 * system. The tool writes into {@link #path()}, then calls {@link #publish()}. {@link #close()}
 * removes the staging path if nothing was published and releases the lock.
 *
 * <ul>
 *   <li>Ordinary path: staging is {@code .<name>.initkit-staging-<random>} next to the destination;
 *       publishing flushes it, moves the previous result aside to {@code
 *       .<name>.initkit-old-<random>}, renames staging in, and deletes the old one. The path may be
 *       absent for an instant, never half-written. A single file simply replaces the previous file
 *       in one rename.
 *   <li>Mount point (cannot be renamed): staging is {@code .initkit-staging-<random>} inside the
 *       destination; publishing removes the completion marker, replaces the entries, and writes the
 *       marker last. Consumers trust only a marked result ({@link PublishedResult}).
 * </ul>
 *
 * <p>A {@link ShutdownGuard} may abandon the area from its shutdown hook while the worker thread
 * still runs; the two never touch the file system at the same time.
 */
public final class StagingArea implements AutoCloseable {
  private final Path dest;
  private final DestinationType type;
  private final PublishOptions options;
  private final StagingNames names;
  private final DestinationLock lock;
  private final Path staging;
  private final Runnable betweenRenames;

  /** Serialises the swap (worker) with abandoning it (worker or shutdown hook). */
  private final ReentrantLock swapLock = new ReentrantLock();

  private boolean abandoned; // guarded by swapLock
  private volatile boolean published;
  private volatile Path movedAside; // the previous result while it is out of the way
  private volatile boolean closed;

  private StagingArea(
      Path dest,
      DestinationType type,
      PublishOptions options,
      StagingNames names,
      DestinationLock lock,
      Path staging,
      Runnable betweenRenames) {
    this.dest = dest;
    this.type = type;
    this.options = options;
    this.names = names;
    this.lock = lock;
    this.staging = staging;
    this.betweenRenames = betweenRenames;
  }

  /**
   * Locks {@code dest}, removes leftovers of killed runs and creates a staging path.
   *
   * @throws dev.initkit.common.failure.DeadlineExceededException when another run holds the lock
   *     longer than {@link PublishOptions#lockWait()}
   * @throws UsageException when a single-file result is aimed at a mount point
   */
  public static StagingArea open(Path dest, PublishOptions options)
      throws IOException, InitkitException {
    return open(dest, options, () -> {});
  }

  /** As {@link #open(Path, PublishOptions)}, with a hook run between the two renames (tests). */
  static StagingArea open(Path dest, PublishOptions options, Runnable betweenRenames)
      throws IOException, InitkitException {
    Path absolute = dest.toAbsolutePath().normalize();
    DestinationType type = MountPoints.resolve(absolute, options.type());
    if (type == DestinationType.MOUNT_POINT && options.shape() == ResultShape.FILE) {
      throw new UsageException(
          absolute
              + " is a mount point and cannot take a single file atomically; mount its"
              + " directory instead and write the file inside it");
    }
    StagingNames names =
        type == DestinationType.MOUNT_POINT
            ? StagingNames.inside(absolute)
            : StagingNames.beside(absolute);
    Files.createDirectories(names.directory());
    DestinationLock lock = DestinationLock.acquire(names.lock(), options.lockWait());
    try {
      if (type == DestinationType.MOUNT_POINT) {
        removeLeftoversInside(names);
      } else {
        removeLeftoversBeside(absolute, names);
      }
      Path staging = names.newStaging();
      // Owner-only while being written: secret-bearing files are not yet at their final mode,
      // and the volume is shared with other containers.
      if (options.shape() == ResultShape.DIRECTORY) {
        Files.createDirectory(staging);
        Files.setPosixFilePermissions(staging, FileModes.toPermissions(0700));
      } else {
        Files.createFile(staging);
        Files.setPosixFilePermissions(staging, FileModes.toPermissions(0600));
      }
      return new StagingArea(absolute, type, options, names, lock, staging, betweenRenames);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Restores a previous result that a kill left moved aside (the destination is missing), then
   * deletes every other staging and old path of this destination. We hold the lock, so none of them
   * belongs to a live run.
   */
  private static void removeLeftoversBeside(Path dest, StagingNames names) throws IOException {
    List<Path> leftovers = list(names.directory(), p -> names.isStaging(p) || names.isOld(p));
    if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
      for (Path entry : leftovers) {
        if (names.isOld(entry)) {
          // An old path is always a complete result: it was renamed whole from the destination
          // and is only deleted after the new result is in place.
          Files.move(entry, dest, StandardCopyOption.ATOMIC_MOVE);
          Fsync.path(names.directory());
          leftovers.remove(entry);
          break;
        }
      }
    }
    for (Path entry : leftovers) {
      TreeDeleter.delete(entry);
    }
  }

  private static void removeLeftoversInside(StagingNames names) throws IOException {
    for (Path entry :
        list(names.directory(), p -> names.isStaging(p) || CompletionMarker.isLeftover(p))) {
      TreeDeleter.delete(entry);
    }
  }

  private static List<Path> list(Path dir, Predicate<Path> filter) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return new ArrayList<>(entries.filter(filter).toList());
    }
  }

  /**
   * Where the tool writes its result: an empty directory for {@link ResultShape#DIRECTORY}, an
   * empty file to overwrite for {@link ResultShape#FILE}. Both are owner-only until published.
   */
  public Path path() {
    return staging;
  }

  /** The absolute destination this area publishes to. */
  public Path destination() {
    return dest;
  }

  /** How the destination is swapped: never {@link DestinationType#DETECT}. */
  public DestinationType type() {
    return type;
  }

  /** True once the result is at the destination; closing then only releases the lock. */
  public boolean isPublished() {
    return published;
  }

  /** Publishes the staged result with no completion text. */
  public void publish() throws IOException {
    publish(null);
  }

  /**
   * Makes the staged result the destination's content, whole, after flushing it to disk and giving
   * it the configured file modes.
   *
   * @param completionText recorded in the completion marker (a commit id, a digest) so a re-run can
   *     check the result; read it back with {@link PublishedResult#completionText}. One line of at
   *     most 4 KiB; only for directory results; null for none.
   * @throws InterruptedIOException when the thread was interrupted (SIGTERM) before the swap
   */
  public void publish(String completionText) throws IOException {
    if (closed || published) {
      throw new IllegalStateException("staging area for " + dest + " is already closed");
    }
    if (completionText != null) {
      if (options.shape() == ResultShape.FILE) {
        throw new IllegalArgumentException("a single-file result has no completion marker");
      }
      CompletionMarker.checkText(completionText);
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("interrupted before publishing " + dest);
    }
    if (!Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(staging.toString(), null, "nothing was written to staging");
    }
    if (type == DestinationType.MOUNT_POINT) {
      StagedTreeWalk.apply(staging, options.modes(), false, true);
      swapInside(completionText == null ? "" : completionText);
    } else {
      if (completionText != null) {
        Files.writeString(staging.resolve(CompletionMarker.FILE_NAME), completionText + "\n");
      }
      StagedTreeWalk.apply(staging, options.modes(), true, true);
      swapBeside();
    }
  }

  /** Moves the previous result aside, renames staging in, deletes the previous result. */
  private void swapBeside() throws IOException {
    // A SIGTERM now must not stop us between the two renames: the swap is quick, and the
    // interrupt would close the channels the directory flush needs. It is restored after.
    boolean interrupted = Thread.interrupted();
    swapLock.lock();
    try {
      checkNotAbandoned();
      Path old = null;
      if (needsMovingAside()) {
        old = names.newOld();
        moveAside(old);
        movedAside = old;
        betweenRenames.run();
      }
      try {
        Files.move(staging, dest, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        try {
          restoreMovedAside();
        } catch (IOException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      }
      published = true;
      try {
        Fsync.path(names.directory());
      } finally {
        // Even when the flush fails (a SIGTERM's interrupt closes its channel), the previous
        // result must not stay behind.
        if (old != null) {
          deleteQuietly(old);
          movedAside = null;
        }
      }
    } finally {
      swapLock.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void moveAside(Path old) throws IOException {
    try {
      Files.move(dest, old, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException e) {
      if (e instanceof NoSuchFileException || e.getReason() == null) {
        throw e;
      }
      // EBUSY: a mount point on the same device as its parent (a bind mount) escapes detection.
      throw new FileSystemException(
          dest.toString(),
          null,
          e.getReason()
              + "; if it is a mount point, publish to it as a mount point (entries, then marker)");
    }
  }

  /**
   * rename(2) replaces a file or an empty directory in one step, but not a non-empty directory, and
   * not a file by a directory or the reverse.
   */
  private boolean needsMovingAside() {
    if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    return Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)
        || Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS);
  }

  /** Removes the marker, replaces the entries, flushes, and writes the marker last. */
  private void swapInside(String completionText) throws IOException {
    boolean interrupted = Thread.interrupted(); // as in swapBeside: finish once started
    swapLock.lock();
    try {
      checkNotAbandoned();
      List<Path> staged = list(staging, p -> true);
      for (Path entry : staged) {
        String name = entry.getFileName().toString();
        if (name.equals(CompletionMarker.FILE_NAME) || entry.equals(names.lock())) {
          throw new IOException("staged entry " + name + " uses a name reserved by initkit");
        }
      }
      CompletionMarker.delete(dest);
      for (Path entry : list(dest, p -> !p.equals(staging) && !p.equals(names.lock()))) {
        TreeDeleter.delete(entry);
      }
      for (Path entry : staged) {
        Files.move(entry, dest.resolve(entry.getFileName()), StandardCopyOption.ATOMIC_MOVE);
      }
      Files.delete(staging);
      Fsync.path(dest);
      CompletionMarker.write(dest, completionText);
      published = true;
    } finally {
      swapLock.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void checkNotAbandoned() throws IOException {
    if (abandoned) {
      throw new InterruptedIOException("staging for " + dest + " was abandoned at shutdown");
    }
  }

  /**
   * Undoes an unfinished run: puts a previous result that was moved aside back in place, and
   * deletes the staging path. Safe from another thread; does nothing once published. Waits at most
   * {@code wait} for a swap in progress; if it does not end in time, only renames the previous
   * result back (a rename races safely with the swap's own rename, a deletion of staging would not)
   * and leaves staging to the next run.
   */
  void abandon(long wait, TimeUnit unit) throws IOException {
    boolean locked;
    try {
      locked = swapLock.tryLock(wait, unit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      locked = false;
    }
    if (!locked) {
      restoreMovedAside();
      return;
    }
    try {
      undo();
    } finally {
      swapLock.unlock();
    }
  }

  private void undo() throws IOException {
    if (published) {
      return;
    }
    abandoned = true;
    restoreMovedAside();
    TreeDeleter.delete(staging);
  }

  /** Renames the previous result back if it was moved aside and nothing took its place. */
  private void restoreMovedAside() throws IOException {
    Path aside = movedAside;
    if (published || aside == null || Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.move(aside, dest, StandardCopyOption.ATOMIC_MOVE);
      movedAside = null;
    } catch (NoSuchFileException | FileAlreadyExistsException | DirectoryNotEmptyException e) {
      // The other thread got there first; either way the destination holds a whole result.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      TreeDeleter.delete(path);
    } catch (IOException ignored) {
      // The result is in place; the next run removes this leftover while holding the lock.
    }
  }

  /** Deletes the staging path unless it was published, and releases the lock. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      // Not interruptible: after a SIGTERM the worker's own cleanup is exactly what we want.
      swapLock.lock();
      try {
        undo();
      } finally {
        swapLock.unlock();
      }
    } finally {
      lock.close();
    }
  }

  @Override
  public String toString() {
    return "StagingArea[" + dest + ", " + type + ", staging " + staging.getFileName() + "]";
  }
}
