package dev.initkit.gitfetch.sync;

import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.JobFailedException;
import dev.initkit.common.log.Log;
import dev.initkit.common.retry.Sleeper;
import dev.initkit.common.units.Durations;
import dev.initkit.gitfetch.FetchResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Sync mode: one sync (a whole one-shot run, retries and {@code --timeout} included) every {@code
 * --period}, until asked to stop.
 *
 * <ul>
 *   <li>The first sync must succeed: its failure ends the run as a one-shot run would (exit 1, or 3
 *       when {@code --timeout} passed).
 *   <li>After it, a failed sync keeps the last good checkout published and counts one failure;
 *       {@code --max-failures} of them in a row are tolerated, one more ends the run (exit 1). A
 *       sync that succeeds resets the count.
 *   <li>After the first sync and after each sync that published another commit, the touch file is
 *       touched and the webhook called; neither can fail the run.
 *   <li>A stop (SIGTERM, or an interrupt of the working thread) ends the loop between syncs or
 *       abandons the sync under way (the publisher never leaves half a checkout), and the loop
 *       returns what is published.
 * </ul>
 */
public final class SyncLoop {
  /** One sync: fetches and publishes, as a one-shot run does. */
  @FunctionalInterface
  public interface Sync {
    /**
     * @param first whether this is the first sync of the run
     */
    FetchResult run(boolean first) throws InitkitException, InterruptedException;
  }

  private final SyncSettings settings;
  private final Sync sync;
  private final SyncStatus status;
  private final Optional<TouchFile> touchFile;
  private final Optional<Webhook> webhook;
  private final Log log;
  private final Clock clock;
  private final Sleeper sleeper;
  private final BooleanSupplier stopRequested;

  public SyncLoop(
      SyncSettings settings,
      Sync sync,
      SyncStatus status,
      Optional<TouchFile> touchFile,
      Optional<Webhook> webhook,
      Log log,
      Sleeper sleeper,
      BooleanSupplier stopRequested) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sync = Objects.requireNonNull(sync, "sync");
    this.status = Objects.requireNonNull(status, "status");
    this.touchFile = Objects.requireNonNull(touchFile, "touchFile");
    this.webhook = Objects.requireNonNull(webhook, "webhook");
    this.log = Objects.requireNonNull(log, "log");
    this.clock = log.clock();
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.stopRequested = Objects.requireNonNull(stopRequested, "stopRequested");
  }

  /**
   * Syncs until asked to stop.
   *
   * @return the last successful sync, empty if the stop came before the first one ended
   * @throws InitkitException when the first sync failed, or too many syncs in a row
   */
  public Optional<FetchResult> run() throws InitkitException {
    SyncFailureLog failureLog = new SyncFailureLog(log, clock);
    Optional<FetchResult> published = Optional.empty();
    int failures = 0;
    while (!stopRequested.getAsBoolean()) {
      Instant start = clock.instant();
      try {
        FetchResult result = sync.run(published.isEmpty());
        Duration took = Duration.between(start, clock.instant());
        boolean changed =
            published.isEmpty()
                || !published.get().commit().commit().equals(result.commit().commit());
        status.succeeded(
            result.action() == FetchResult.Action.VERIFIED
                ? SyncStatus.Result.NOOP
                : SyncStatus.Result.SUCCESS,
            result.commit().commit(),
            clock.instant(),
            took);
        failureLog.recovered(failures);
        failures = 0;
        published = Optional.of(result);
        if (changed) {
          announce(result.commit().commit());
        }
      } catch (InterruptedException e) {
        break;
      } catch (InitkitException e) {
        if (stopRequested.getAsBoolean()) {
          // The stop ended the sync under way; that is no failure of the remote.
          break;
        }
        status.failed(e.getMessage(), Duration.between(start, clock.instant()));
        if (published.isEmpty()) {
          throw e;
        }
        failures++;
        if (settings.tooManyFailures(failures)) {
          throw new JobFailedException(
              "gave up after "
                  + failures
                  + (failures == 1 ? " failed sync" : " failed syncs")
                  + " in a row (--max-failures "
                  + settings.maxFailures()
                  + "); the last: "
                  + e.getMessage(),
              e);
        }
        failureLog.failed(failures, e.getMessage(), tolerance());
      }
      try {
        sleeper.sleep(settings.period());
      } catch (InterruptedException e) {
        break;
      }
    }
    log.info(
        "stopped syncing",
        "commit",
        published.map(r -> r.commit().commit()).orElse("none"),
        "period",
        Durations.format(settings.period()));
    return published;
  }

  private String tolerance() {
    return settings.maxFailures() == SyncSettings.UNLIMITED_FAILURES
        ? "unlimited"
        : String.valueOf(settings.maxFailures());
  }

  /** Tells the consumers about a newly published commit: touch file, then webhook. */
  private void announce(String commit) {
    touchFile.ifPresent(
        file -> {
          try {
            file.touch();
          } catch (IOException e) {
            log.warn("could not touch " + file.path() + ": " + e, "commit", commit);
          }
        });
    webhook.ifPresent(hook -> hook.publish(commit));
  }
}
