package dev.initkit.dbwait;

import dev.initkit.common.retry.RetryPolicy;
import dev.initkit.dbwait.probe.DatabaseSetup;
import dev.initkit.dbwait.probe.SqlChecks;
import dev.initkit.dbwait.probe.Target;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The validated options of one run.
 *
 * @param targets what to wait for, at least one, without secrets in their display form
 * @param checks what "ready" means for databases, with the per-attempt timeouts
 * @param successes how many successful checks in a row make a target ready, at least 1
 * @param pollInterval the fixed interval while nothing listens or the server starts up
 * @param retry the deadline and the backoff of every other transient cause
 * @param setup what to create when it is missing
 */
public record WaitOptions(
    List<Target> targets,
    SqlChecks checks,
    int successes,
    Duration pollInterval,
    RetryPolicy retry,
    DatabaseSetup setup) {
  public WaitOptions {
    targets = List.copyOf(targets);
    Objects.requireNonNull(checks, "checks");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(setup, "setup");
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no target");
    }
    if (successes < 1) {
      throw new IllegalArgumentException("--successes must be at least 1: " + successes);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("--poll-interval must be more than 0");
    }
  }
}
