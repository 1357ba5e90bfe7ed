package dev.initkit.common.retry;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between attempts; injected in tests so they run instantly. */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits for the given time.
   *
   * @throws InterruptedException as soon as the thread is interrupted, so SIGTERM stops the wait
   *     promptly
   */
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps the current thread; an interrupt ends the sleep at once. */
  Sleeper SYSTEM =
      duration -> {
        if (Thread.interrupted()) {
          // TimeUnit.sleep(0) returns without looking at the interrupt flag.
          throw new InterruptedException("interrupted before waiting " + duration);
        }
        TimeUnit.NANOSECONDS.sleep(Deadline.saturatedNanos(duration));
      };
}
