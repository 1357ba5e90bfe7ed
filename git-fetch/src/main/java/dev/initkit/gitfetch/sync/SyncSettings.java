package dev.initkit.gitfetch.sync;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated settings of sync mode.
 *
 * @param period the time from the end of one sync to the start of the next
 * @param maxFailures consecutive failed syncs tolerated after the first sync; one more ends the run
 *     with exit 1; {@link #UNLIMITED_FAILURES} tolerates any number
 * @param touchFile touched after the first sync and after each update
 * @param webhook called after the first sync and after each update
 * @param httpBind where to serve {@code /healthz} and {@code /metrics}
 */
public record SyncSettings(
    Duration period,
    int maxFailures,
    Optional<Path> touchFile,
    Optional<WebhookTarget> webhook,
    Optional<InetSocketAddress> httpBind) {
  /** {@code --max-failures -1}: failed syncs never end the run. */
  public static final int UNLIMITED_FAILURES = -1;

  public SyncSettings {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(touchFile, "touchFile");
    Objects.requireNonNull(webhook, "webhook");
    Objects.requireNonNull(httpBind, "httpBind");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("--period must be more than 0: " + period);
    }
    if (maxFailures < UNLIMITED_FAILURES) {
      throw new IllegalArgumentException("--max-failures must be -1 or more: " + maxFailures);
    }
  }

  /** Whether {@code failures} consecutive failed syncs are more than the run tolerates. */
  public boolean tooManyFailures(int failures) {
    return maxFailures != UNLIMITED_FAILURES && failures > maxFailures;
  }
}
