package dev.initkit.gitfetch.sync;

import dev.initkit.common.publish.ShutdownGuard;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM in sync mode: stop the loop and exit 0, as a sidecar that was asked to stop and did.
 *
 * <p>SIGTERM makes the JVM run its shutdown hooks, and then exit with 143, whatever the working
 * thread passes to {@code System.exit} later (that call waits for the hooks). This hook asks the
 * loop to stop and interrupts the working thread; common's {@code ShutdownGuard} of the sync under
 * way, if any, abandons its staging the same way it does in a one-shot run. When the loop ended
 * within the grace (nothing half-published, the report written) and the working thread has reached
 * {@code System.exit}, the hook ends the JVM with 0. When it did not, the hook returns and the JVM
 * exits 143 after the other hooks cleaned up.
 */
public final class SyncStop implements AutoCloseable {
  private final Thread worker;
  private final Duration grace;
  private final Thread hook;
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile boolean requested;
  private volatile boolean endedCleanly;

  private SyncStop(Thread worker, Duration grace) {
    this.worker = worker;
    this.grace = grace;
    this.hook = new Thread(this::onShutdown, "git-fetch-sync-stop");
  }

  /** Watches for SIGTERM on behalf of the calling thread's sync loop. */
  public static SyncStop open(Duration grace) {
    SyncStop stop = new SyncStop(Thread.currentThread(), grace);
    Runtime.getRuntime().addShutdownHook(stop.hook);
    return stop;
  }

  /** Whether the loop was asked to stop. */
  public boolean isRequested() {
    return requested;
  }

  /** The loop returned normally (stopped, nothing half-done): the run may exit 0. */
  public void endedCleanly() {
    endedCleanly = true;
    ended.countDown();
  }

  @Override
  public void close() {
    ended.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook runs now; it sees how the loop ended.
    }
  }

  private void onShutdown() {
    requested = true;
    worker.interrupt();
    long until = System.nanoTime() + grace.toNanos();
    try {
      if (!ended.await(grace.toNanos(), TimeUnit.NANOSECONDS) || !endedCleanly) {
        return;
      }
      // Let the working thread write the report and reach System.exit, where it waits for us.
      while (!ShutdownGuard.isRunningShutdown(worker)
          && worker.isAlive()
          && System.nanoTime() < until) {
        TimeUnit.MILLISECONDS.sleep(10);
      }
    } catch (InterruptedException e) {
      return;
    }
    Runtime.getRuntime().halt(0);
  }
}
