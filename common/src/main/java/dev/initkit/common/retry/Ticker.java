package dev.initkit.common.retry;

/** A source of monotonic nanosecond readings, like {@link System#nanoTime()}; injected in tests. */
@FunctionalInterface
public interface Ticker {
  /** Nanoseconds since an arbitrary origin; only differences between readings mean anything. */
  long nanoTime();

  /** The JVM's monotonic clock. */
  Ticker SYSTEM = System::nanoTime;
}
