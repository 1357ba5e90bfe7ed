package dev.initkit.common.cli;

import dev.initkit.common.failure.UsageException;
import dev.initkit.common.retry.RetryPolicy;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The deadline and retry options of tools that meet the network. A tool adds them with
 * {@code @Mixin RetryOptions retry} and may change their defaults with {@link
 * ToolCommand#toolDefaults()} (db-wait polls faster than git-fetch).
 */
public final class RetryOptions {
  @Option(
      order = 800,
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "5m",
      description =
          "Give up (exit 3) when the job is not done after this long, like 90s or 1h30m; "
              + "0 waits forever (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      order = 810,
      names = "--retry-initial",
      paramLabel = "DURATION",
      defaultValue = "500ms",
      description = "The longest first wait between attempts (default: ${DEFAULT-VALUE}).")
  Duration retryInitial;

  @Option(
      order = 820,
      names = "--retry-max-interval",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description =
          "The longest wait between attempts; waits double up to it, with full jitter "
              + "(default: ${DEFAULT-VALUE}).")
  Duration retryMaxInterval;

  @Option(
      order = 830,
      names = "--retry-permanent",
      description =
          "Keep retrying causes that look permanent (bad credentials, not found), for "
              + "setups where another component creates them at the same time.")
  boolean retryPermanent;

  /** The validated policy; bad combinations are usage errors. */
  public RetryPolicy policy() throws UsageException {
    try {
      return RetryPolicy.of(timeout, retryInitial, retryMaxInterval)
          .withRetryPermanent(retryPermanent);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
