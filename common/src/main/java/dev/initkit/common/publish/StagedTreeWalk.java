package dev.initkit.common.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RecursiveAction;

/**
 * One pass over a result before it is published: gives each directory and regular file its mode
 * ({@link FileModes}) and, when asked, flushes it ({@link Fsync}). Symbolic links are neither
 * followed nor changed: their target is not part of the result.
 *
 * <p>The walk reads each entry's type and mode with one {@code lstat}, and gives the directories
 * their modes, each directory a fork-join task, on the calling thread and the common pool's workers
 * (submitted to the pool, the walk left the calling thread idle, and the pool has one worker on two
 * CPUs); the files that need a mode or a flush are then done on several threads ({@link
 * ParallelIo}), and the directories flushed last, when every file is. Most files already have their
 * mode (a checkout writes 0644 and 0755), and on tmpfs a flush does nothing, so there a 10,000-file
 * checkout costs the walk alone. On a disk each flush waits for the journal unless several are
 * waiting together.
 */
final class StagedTreeWalk {
  /** A regular file to give {@code mode} (or -1 to leave as it is) and to flush if flushing. */
  private record FileWork(Path file, int mode) {}

  private final FileModes modes;
  private final Queue<FileWork> files = new ConcurrentLinkedQueue<>();
  private final Queue<Path> dirs = new ConcurrentLinkedQueue<>();
  private final boolean flush;

  private StagedTreeWalk(FileModes modes, boolean flush) {
    this.modes = modes;
    this.flush = flush;
  }

  /**
   * @param includeRoot whether {@code root} itself gets a mode (not a mount point we may not own);
   *     it is flushed either way
   */
  static void apply(Path root, FileModes modes, boolean includeRoot, boolean flush)
      throws IOException {
    PosixFileAttributes attrs = attributes(root);
    if (attrs.isSymbolicLink()) {
      return;
    }
    StagedTreeWalk walk = new StagedTreeWalk(modes, flush && !Fsync.isMemoryOnly(root));
    walk.giveMode(root, Path.of(""), attrs, includeRoot);
    if (attrs.isDirectory()) {
      try {
        walk.new Directory(root, Path.of("")).invoke();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    walk.finish();
  }

  /** One directory's entries; its subdirectories are walked as tasks of their own. */
  private final class Directory extends RecursiveAction {
    private final Path dir;
    private final Path relative;

    Directory(Path dir, Path relative) {
      this.dir = dir;
      this.relative = relative;
    }

    @Override
    protected void compute() {
      List<Directory> subdirectories = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path entry : entries) {
          Path entryRelative = relative.resolve(entry.getFileName());
          PosixFileAttributes attrs = attributes(entry);
          giveMode(entry, entryRelative, attrs, true);
          if (attrs.isDirectory()) {
            subdirectories.add(new Directory(entry, entryRelative));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      invokeAll(subdirectories);
    }
  }

  /**
   * A directory gets its mode now; a regular file is noted when it needs a mode or a flush. Links
   * and other entries are left alone.
   */
  private void giveMode(Path path, Path relative, PosixFileAttributes attrs, boolean giveMode)
      throws IOException {
    int current = FileModes.toMode(attrs.permissions());
    if (attrs.isDirectory()) {
      int wanted = modes.modeFor(relative, true);
      if (giveMode && wanted != current) {
        FileModes.set(path, wanted);
      }
      dirs.add(path);
    } else if (attrs.isRegularFile()) {
      int wanted = modes.fileMode(current, relative);
      if (wanted != current || flush) {
        files.add(new FileWork(path, wanted != current ? wanted : -1));
      }
    }
  }

  private void finish() throws IOException {
    ParallelIo.forEach(
        List.copyOf(files),
        flush ? ParallelIo.FLUSH_THREADS : ParallelIo.cpuThreads(),
        work -> {
          if (work.mode() >= 0) {
            FileModes.set(work.file(), work.mode());
          }
          if (flush) {
            Fsync.path(work.file());
          }
        });
    if (flush) {
      ParallelIo.forEach(List.copyOf(dirs), ParallelIo.FLUSH_THREADS, Fsync::path);
    }
  }

  private static PosixFileAttributes attributes(Path path) throws IOException {
    return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }
}
