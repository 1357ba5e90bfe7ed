package dev.initkit.gitfetch;

import dev.initkit.common.failure.UsageException;
import dev.initkit.gitfetch.sync.BindAddress;
import dev.initkit.gitfetch.sync.SyncSettings;
import dev.initkit.gitfetch.sync.WebhookTarget;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of sync mode (the native sidecar): fetch every {@code --period}, tell others about
 * each update, and answer health and metrics over HTTP. Without {@code --period} git-fetch runs
 * once.
 */
public final class SyncOptions {
  @Option(
      order = 400,
      names = "--period",
      paramLabel = "DURATION",
      description =
          "Keep the checkout in step with the remote, fetching every DURATION, like 30s (sync"
              + " mode, needs --root/--link); absent or 0: fetch once and exit.")
  Duration period;

  @Option(
      order = 410,
      names = "--max-failures",
      paramLabel = "N",
      description =
          "In sync mode: consecutive failed syncs tolerated after the first sync; one more exits"
              + " 1; -1 tolerates any number (default: 0).")
  Integer maxFailures;

  @Option(
      order = 420,
      names = "--touch-file",
      paramLabel = "PATH",
      description =
          "In sync mode: touch PATH (created if missing) after the first sync and each update; a"
              + " relative PATH is taken in --root.")
  Path touchFile;

  @Option(
      order = 430,
      names = "--webhook-url",
      paramLabel = "URL",
      description =
          "In sync mode: call URL (http or https) after the first sync and each update, with the"
              + " commit in the Git-Fetch-Commit header; retried in the background.")
  String webhookUrl;

  @Option(
      order = 431,
      names = "--webhook-method",
      paramLabel = "METHOD",
      description = "The HTTP method of the webhook call (default: POST).")
  String webhookMethod;

  @Option(
      order = 432,
      names = "--webhook-timeout",
      paramLabel = "DURATION",
      description = "How long one webhook call may take (default: 1s).")
  Duration webhookTimeout;

  @Option(
      order = 440,
      names = "--http-bind",
      paramLabel = "HOST:PORT",
      description =
          "In sync mode: serve GET /healthz and GET /metrics on HOST:PORT; :PORT listens on all"
              + " interfaces.")
  String httpBind;

  /**
   * The sync settings, or empty for a one-shot run.
   *
   * @throws UsageException for a bad value, or a sync option without {@code --period}
   */
  Optional<SyncSettings> settings(Destination destination, boolean allowStale)
      throws UsageException {
    if (period != null && period.isNegative()) {
      throw new UsageException("--period cannot be negative");
    }
    if (period == null || period.isZero()) {
      Optional<String> stray = strayOption();
      if (stray.isPresent()) {
        throw new UsageException(
            stray.get() + " is for sync mode: add --period, like --period 30s");
      }
      return Optional.empty();
    }
    if (!(destination instanceof Destination.Linked linked)) {
      throw new UsageException(
          "sync mode (--period) needs the symlink layout --root DIR --link NAME, not --dest:"
              + " consumers must see each update swapped in whole");
    }
    if (allowStale) {
      throw new UsageException(
          "--allow-stale is for one-shot runs: in sync mode a failed sync always keeps the last"
              + " good checkout");
    }
    int failures = maxFailures == null ? 0 : maxFailures;
    if (failures < SyncSettings.UNLIMITED_FAILURES) {
      throw new UsageException("--max-failures must be -1 (no limit), 0 or more, not " + failures);
    }
    Optional<Path> touch =
        Optional.ofNullable(touchFile).map(file -> linked.root().resolve(file).normalize());
    Optional<InetSocketAddress> bind =
        httpBind == null ? Optional.empty() : Optional.of(BindAddress.parse(httpBind));
    return Optional.of(new SyncSettings(period, failures, touch, webhook(), bind));
  }

  /** The first sync option given without --period, which would silently do nothing. */
  private Optional<String> strayOption() {
    Object[] values = {maxFailures, touchFile, webhookUrl, webhookMethod, webhookTimeout, httpBind};
    String[] names = {
      "--max-failures",
      "--touch-file",
      "--webhook-url",
      "--webhook-method",
      "--webhook-timeout",
      "--http-bind"
    };
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        return Optional.of(names[i]);
      }
    }
    return Optional.empty();
  }

  private Optional<WebhookTarget> webhook() throws UsageException {
    if (webhookUrl == null) {
      if (webhookMethod != null || webhookTimeout != null) {
        throw new UsageException("--webhook-method and --webhook-timeout need --webhook-url");
      }
      return Optional.empty();
    }
    try {
      return Optional.of(
          WebhookTarget.of(
              webhookUrl,
              webhookMethod == null ? "POST" : webhookMethod,
              webhookTimeout == null ? Duration.ofSeconds(1) : webhookTimeout));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
