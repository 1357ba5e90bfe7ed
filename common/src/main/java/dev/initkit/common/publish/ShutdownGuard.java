package dev.initkit.common.publish;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes SIGTERM stop a tool's work promptly without leaving a half-swapped destination. A tool
 * opens it on its working thread around the work, and registers each staging area:
 *
 * <pre>{@code
 * try (ShutdownGuard guard = ShutdownGuard.open();
 *     StagingArea area = guard.protect(StagingArea.open(dest, options))) {
 *   write(area.path());
 *   area.publish();
 * }
 * }</pre>
 *
 * <p>On SIGTERM the JVM runs the guard's shutdown hook, which interrupts the working thread, waits
 * a bounded grace for it to end (its own try-with-resources cleanup runs then), and then abandons
 * what is still there: staging is deleted, and a previous result moved aside between the two
 * renames is put back. SIGKILL runs no hook; the next run cleans up instead.
 *
 * <p>Closing the guard when the work ends removes the hook. The launcher later calls {@code
 * System.exit} on the same thread, which runs the remaining hooks while that thread waits: a hook
 * that waited for it would wait for its own caller, so the hook never joins a thread and skips the
 * wait when the working thread is itself the one exiting.
 */
public final class ShutdownGuard implements AutoCloseable {
  /** How long the hook waits for the working thread; well within Kubernetes' default 30 s. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

  private final Thread worker;
  private final Duration grace;
  private final List<StagingArea> areas = new CopyOnWriteArrayList<>();
  private final CountDownLatch workEnded = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean closed;

  private ShutdownGuard(Thread worker, Duration grace) {
    this.worker = worker;
    this.grace = grace;
    this.hook = new Thread(this::onShutdown, "initkit-shutdown-cleanup");
  }

  /** Guards the calling thread's work with the default grace. */
  public static ShutdownGuard open() {
    return open(DEFAULT_GRACE);
  }

  /** Guards the calling thread's work; at shutdown, waits at most {@code grace} for it. */
  public static ShutdownGuard open(Duration grace) {
    ShutdownGuard guard = new ShutdownGuard(Thread.currentThread(), Objects.requireNonNull(grace));
    Runtime.getRuntime().addShutdownHook(guard.hook);
    return guard;
  }

  /** Registers {@code area} to be abandoned at shutdown if the worker does not close it. */
  public StagingArea protect(StagingArea area) {
    areas.add(Objects.requireNonNull(area));
    return area;
  }

  /** The work ended (normally or after an interrupt): the hook has nothing left to do. */
  @Override
  public void close() {
    closed = true;
    workEnded.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shutdownInProgress) {
      // The hook is running or about to run; it sees the work ended and does no more.
    }
  }

  /** The registered hook; tests run it directly, since they cannot send themselves SIGTERM. */
  Thread hook() {
    return hook;
  }

  private void onShutdown() {
    if (closed) {
      return;
    }
    if (worker.isAlive() && !isRunningShutdown(worker)) {
      worker.interrupt();
      awaitWorkEnded();
    }
    for (StagingArea area : areas) {
      try {
        area.abandon(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (IOException | RuntimeException ignored) {
        // Nothing to report to at this point; the next run removes leftovers under its lock.
      }
    }
  }

  private void awaitWorkEnded() {
    try {
      workEnded.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * True if {@code thread} called System.exit (or Runtime.exit) and is now running the shutdown
   * sequence, waiting for the shutdown hooks (this guard's, or another tool hook's) to end: it will
   * never return to its own code. Public for tools with a shutdown hook of their own (git-fetch's
   * sync mode waits for this to exit 0).
   */
  public static boolean isRunningShutdown(Thread thread) {
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getClassName().equals("java.lang.Shutdown")) {
        return true;
      }
    }
    return false;
  }
}
