package dev.initkit.common.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock for tests: time moves only when something sleeps on it or the test advances it, so retry
 * tests run instantly and never read the wall clock. Starts near the top of the {@code long} range
 * so that every test also crosses a {@link System#nanoTime()} wrap-around.
 */
public final class FakeClock implements Ticker, Sleeper {
  private long nanos = Long.MAX_VALUE - Duration.ofMinutes(1).toNanos();
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public long nanoTime() {
    return nanos;
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    advance(duration);
  }

  public void advance(Duration duration) {
    nanos += duration.toNanos();
  }

  /** Every wait so far, in order. */
  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  public Duration totalSlept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
