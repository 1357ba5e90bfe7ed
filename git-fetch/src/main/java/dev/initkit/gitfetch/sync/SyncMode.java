package dev.initkit.gitfetch.sync;

import dev.initkit.common.cli.ToolContext;
import dev.initkit.common.cli.ToolOutcome;
import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.JobFailedException;
import dev.initkit.common.log.Log;
import dev.initkit.common.publish.ShutdownGuard;
import dev.initkit.common.retry.RetryPolicy;
import dev.initkit.common.retry.Sleeper;
import dev.initkit.common.units.Durations;
import dev.initkit.gitfetch.FetchResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

/**
 * Runs sync mode with its parts: the HTTP server (started before the first sync, so that a probe
 * sees 503 until then), the webhook's thread, the touch file, and the SIGTERM hook; all of them end
 * with the loop.
 */
public final class SyncMode {
  private final ToolContext context;
  private final SyncSettings settings;
  private final RetryPolicy retry;
  private final String ref;

  /**
   * @param retry the backoff of webhook calls
   * @param ref the ref as the user gave it, for the metrics
   */
  public SyncMode(ToolContext context, SyncSettings settings, RetryPolicy retry, String ref) {
    this.context = context;
    this.settings = settings;
    this.retry = retry;
    this.ref = ref;
  }

  /**
   * Syncs until SIGTERM (or an interrupt), then returns the last published result (exit 0).
   *
   * @throws InitkitException when the first sync failed, too many failed in a row, or the HTTP
   *     address cannot be bound
   */
  public ToolOutcome run(SyncLoop.Sync sync) throws InitkitException {
    Log log = context.log();
    SyncStatus status = new SyncStatus(ref, settings);
    Optional<StatusServer> server = Optional.empty();
    Optional<Webhook> webhook = Optional.empty();
    try (SyncStop stop = SyncStop.open(ShutdownGuard.DEFAULT_GRACE)) {
      server = startServer(status);
      webhook = settings.webhook().map(target -> new Webhook(target, retry, log));
      log.info(
          "syncing every " + Durations.format(settings.period()),
          "maxFailures",
          settings.maxFailures());
      Optional<FetchResult> last =
          new SyncLoop(
                  settings,
                  sync,
                  status,
                  settings.touchFile().map(path -> new TouchFile(path, log.clock())),
                  webhook,
                  log,
                  Sleeper.SYSTEM,
                  stop::isRequested)
              .run();
      stop.endedCleanly();
      return ToolOutcome.done(last.map(FetchResult::toReport).orElse(Map.of()));
    } finally {
      server.ifPresent(StatusServer::close);
      webhook.ifPresent(Webhook::close);
    }
  }

  private Optional<StatusServer> startServer(SyncStatus status) throws JobFailedException {
    if (settings.httpBind().isEmpty()) {
      return Optional.empty();
    }
    InetSocketAddress address = settings.httpBind().get();
    try {
      StatusServer server = StatusServer.start(address, status);
      context.log().info("serving /healthz and /metrics", "address", describe(server.address()));
      return Optional.of(server);
    } catch (IOException e) {
      throw new JobFailedException(
          "cannot listen on "
              + describe(address)
              + ": "
              + e.getMessage()
              + "; choose another --http-bind",
          e);
    }
  }

  private static String describe(InetSocketAddress address) {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }
}
