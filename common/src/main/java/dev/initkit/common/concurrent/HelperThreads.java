package dev.initkit.common.concurrent;

import java.util.ArrayList;
import java.util.List;

/**
 * Threads that help the one that starts them with a piece of work it shares (a queue of files, a
 * list of paths), and that it waits for before it goes on: daemons, so that a JVM stopping never
 * waits for them, and waited for whole, so that none is still working once the work is declared
 * done or failed.
 */
public final class HelperThreads {
  private HelperThreads() {}

  /** Starts {@code count} daemon threads named {@code name}, each running {@code work}. */
  public static List<Thread> start(int count, String name, Runnable work) {
    List<Thread> threads = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Thread thread = new Thread(work, name);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    return threads;
  }

  /**
   * Waits for every thread, also when interrupted: {@code onInterrupt} then runs (to make the
   * helpers stop at their next step) and the wait goes on. The interrupt flag is set again after.
   *
   * @return whether the wait was interrupted
   */
  public static boolean joinAll(List<Thread> threads, Runnable onInterrupt) {
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          onInterrupt.run();
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return interrupted;
  }
}
