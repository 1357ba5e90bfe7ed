package dev.initkit.gitfetch.jgit;

import dev.initkit.common.concurrent.HelperThreads;
import dev.initkit.common.failure.FirstFailure;
import dev.initkit.common.log.ProgressReporter;
import dev.initkit.gitfetch.ProgressSource;
import dev.initkit.gitfetch.TreeStats;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;

/**
 * Writes a checkout's files on several threads, each with its own {@link BlobWriter}: inflating the
 * blobs (native zlib) and the file-system calls take most of a checkout's time and run in parallel.
 * The helper threads start writing while the tree walk still finds files; the walking thread joins
 * them when the walk is done (10,000 files on 2 cores: the checkout's wall time from ~0.50 s to
 * ~0.30 s). The helpers are daemon threads that live for one checkout.
 *
 * <p>The first failure stops every writer at its next file and is thrown as it was; SIGTERM ({@link
 * ProgressSource#cancelled()}) stops them the same way.
 *
 * <p>Files handed over with their bytes ({@link Job#heldBytes()}) hold at most {@link
 * #HELD_BYTES_LIMIT} in the queue: adding more waits for the writers, so a fetch that checks files
 * out as they arrive stays within a small heap.
 */
final class BlobWriterPool {
  /** More threads than cores only add switching: the work is CPU-bound on tmpfs and page cache. */
  static final int MAX_THREADS = 4;

  /** How many bytes of file content may wait in the queue. */
  static final int HELD_BYTES_LIMIT = 8 << 20;

  /**
   * How many files go to the writers at a time: handing them over one by one woke a waiting writer
   * for each, ~5 µs of the handing thread's time per file.
   */
  static final int BATCH_FILES = 32;

  /** How often a wait for room in the queue looks for a failure or SIGTERM. */
  private static final long ROOM_POLL_MILLIS = 100;

  private final Repository repo;
  private final WorkingTreeOptions options;
  private final int threads;

  BlobWriterPool(Repository repo, WorkingTreeOptions options, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.repo = repo;
    this.options = options;
    this.threads = threads;
  }

  /** A file to write: the bytes it holds in memory until written, and how to write it. */
  interface Job {
    int heldBytes();

    /** Writes the file with the thread's writer; returns its size on disk (0 for a symlink). */
    long write(BlobWriter writer) throws IOException;

    /** Called once the file is written, failed or skipped: lets go of what it holds. */
    default void done() {}
  }

  /** As many threads as the process may use (its CPU limit in a container), at most four. */
  static int defaultThreads() {
    return Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Starts the helper threads, which wait for files; the caller writes too, once it has handed all
   * of them over ({@link Writing#finish}).
   *
   * @param reporter advanced for each file written
   */
  Writing start(ProgressSource progress, ProgressReporter reporter) {
    return new Writing(progress, reporter, threads - 1);
  }

  /**
   * Starts the helper threads for a caller that is busy with other work until it finishes: at least
   * one, even on one CPU, and no progress is reported.
   */
  Writing startInBackground(ProgressSource progress) {
    return new Writing(progress, null, Math.max(1, threads - 1));
  }

  /**
   * One checkout's writing: {@link #add} each file as the walk finds it, then {@link #finish}.
   * Closing without finishing (the walk failed) stops the helpers and waits for them, so that no
   * thread writes into the work tree once it is closed.
   */
  final class Writing implements AutoCloseable {
    /** Marks the end of the files; a helper that takes it puts it back for the next one. */
    private static final List<Job> END = List.of();

    private final ProgressSource progress;
    private final ProgressReporter reporter;
    private final BlockingQueue<List<Job>> queue = new LinkedBlockingQueue<>();
    private List<Job> batch = new ArrayList<>(BATCH_FILES);
    private final Semaphore heldBytes = new Semaphore(HELD_BYTES_LIMIT);
    private final AtomicBoolean stop = new AtomicBoolean();
    private final FirstFailure failure = new FirstFailure();
    private final AtomicLong bytes = new AtomicLong();
    private final List<Thread> helpers;
    private long files;
    private boolean ended;

    /**
     * @param reporter advanced for each file written, or null
     */
    private Writing(ProgressSource progress, ProgressReporter reporter, int helperCount) {
      this.progress = progress;
      this.reporter = reporter;
      this.helpers = HelperThreads.start(helperCount, "git-fetch-checkout", this::writeUntilEnd);
    }

    /**
     * Hands a file to the writers; waits while the queue holds too many bytes of content.
     *
     * @throws IOException a writer's failure, so that the walk stops early
     * @throws InterruptedIOException when SIGTERM or an interrupt stopped the wait
     */
    void add(Job file) throws IOException {
      if (file.heldBytes() > HELD_BYTES_LIMIT) {
        throw new IllegalArgumentException(
            "a file of " + file.heldBytes() + " bytes, more than the queue holds");
      }
      failure.rethrow();
      awaitRoom(file.heldBytes());
      files++;
      batch.add(file);
      if (batch.size() == BATCH_FILES) {
        handOver();
      }
    }

    private void handOver() {
      if (!batch.isEmpty()) {
        queue.add(batch);
        batch = new ArrayList<>(BATCH_FILES);
      }
    }

    private void awaitRoom(int bytes) throws IOException {
      if (heldBytes.tryAcquire(bytes)) {
        return;
      }
      // The room may be taken by the files of the batch at hand: hand them over first.
      handOver();
      try {
        while (!heldBytes.tryAcquire(bytes, ROOM_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          failure.rethrow();
          if (stop.get() || progress.cancelled()) {
            throw new InterruptedIOException("the checkout was stopped (SIGTERM)");
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("the checkout was interrupted");
      }
    }

    /**
     * Writes the files not yet taken on this thread too, and waits for the helpers.
     *
     * @return how many files and bytes were written
     * @throws InterruptedIOException when SIGTERM stopped the writers (the thread is interrupted)
     */
    TreeStats finish() throws IOException {
      if (reporter != null) {
        reporter.total(files);
      }
      end();
      writeUntilEnd();
      awaitHelpers();
      failure.rethrow();
      if (progress.cancelled()) {
        // As JGit's own checkout does: the interrupt tells the retrier not to try again.
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("the checkout was stopped (SIGTERM)");
      }
      return new TreeStats(files, bytes.get());
    }

    @Override
    public void close() {
      if (!ended) {
        stop.set(true);
        end();
      }
      awaitHelpers();
    }

    private void end() {
      ended = true;
      handOver();
      queue.add(END);
    }

    /** Writes files until the end, or skips them once stopped; records a failure, throws none. */
    private void writeUntilEnd() {
      try (BlobWriter blobs = new BlobWriter(repo, options)) {
        while (true) {
          List<Job> taken = queue.take();
          if (taken == END) {
            queue.add(END);
            return;
          }
          for (Job file : taken) {
            try {
              if (stop.get()) {
                continue; // drain to the end, writing nothing
              }
              if (progress.cancelled()) {
                stop.set(true);
                continue;
              }
              bytes.addAndGet(file.write(blobs));
              if (reporter != null) {
                reporter.advance(1);
              }
            } finally {
              heldBytes.release(file.heldBytes());
              file.done();
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(new InterruptedIOException("the checkout was interrupted"));
      } catch (IOException | RuntimeException | Error e) {
        fail(e);
      }
    }

    private void fail(Throwable e) {
      failure.record(e);
      stop.set(true);
    }

    /**
     * Waits for every helper. An interrupt stops the writers at their next file; the wait then goes
     * on (each finishes the file it is writing) and the interrupt is kept.
     */
    private void awaitHelpers() {
      if (HelperThreads.joinAll(helpers, () -> stop.set(true))) {
        failure.record(new InterruptedIOException("the checkout was interrupted"));
      }
    }
  }
}
