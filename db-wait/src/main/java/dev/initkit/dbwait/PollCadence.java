package dev.initkit.dbwait;

import dev.initkit.common.retry.AttemptFailure;
import dev.initkit.common.retry.Deadline;
import dev.initkit.common.retry.RetryListener;
import dev.initkit.common.retry.Sleeper;
import dev.initkit.dbwait.probe.Probe;
import java.time.Duration;
import java.util.Optional;

/**
 * The pace of one target's attempts. Causes that cost the server next to nothing and end soon
 * (nothing listens yet, PostgreSQL starting up) are retried at a short fixed interval, so the wait
 * ends within about that interval of the server accepting; every other transient cause (too many
 * connections, a dropped connection, a check not true yet) waits the shared full-jitter backoff,
 * which spares a struggling server.
 *
 * <p>It sits between the {@link dev.initkit.common.retry.Retrier} and its listener and sleeper:
 * told of each failure before the wait, it shortens that wait where it applies, logs the wait it
 * will really make, and then sleeps it. One instance per target and run: it is not shared.
 */
final class PollCadence implements RetryListener, Sleeper {
  private final Probe probe;
  private final Duration pollInterval;
  private final Deadline deadline;
  private final RetryListener log;
  private Duration override;
  private AttemptFailure last;

  PollCadence(Probe probe, Duration pollInterval, Deadline deadline, RetryListener log) {
    this.probe = probe;
    this.deadline = deadline;
    this.pollInterval = pollInterval;
    this.log = log;
  }

  @Override
  public void attemptFailed(AttemptFailure failure) {
    AttemptFailure effective = failure;
    override = null;
    if (failure.willRetry() && probe.quickToRetry(failure.failure())) {
      // The fixed interval, never past the deadline (where the Retrier makes its last attempt).
      Duration remaining = deadline.remaining();
      override = remaining.compareTo(pollInterval) < 0 ? remaining : pollInterval;
      effective =
          new AttemptFailure(
              failure.attemptNumber(),
              failure.classification(),
              failure.failure(),
              Optional.of(override));
    }
    last = effective;
    log.attemptFailed(effective);
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    Sleeper.SYSTEM.sleep(override != null ? override : duration);
  }

  /** The last failed attempt, or null when none failed. */
  AttemptFailure lastFailure() {
    return last;
  }
}
