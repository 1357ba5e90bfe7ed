package dev.initkit.gitfetch.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the syncs so far add up to, for {@code /healthz} and {@code /metrics}: written by the sync
 * loop, read by the HTTP server's thread.
 */
public final class SyncStatus {
  /** How a sync ended, as the {@code result} label of the metrics. */
  public enum Result {
    /** A new commit was published. */
    SUCCESS("success"),
    /** The commit in place was still the one the ref names. */
    NOOP("noop"),
    /** The sync failed; the last good checkout stays published. */
    ERROR("error");

    private final String label;

    Result(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A consistent copy of the status at one moment. */
  public record Snapshot(
      Map<Result, Long> counts,
      Map<Result, Duration> durations,
      Optional<Instant> lastSuccess,
      Optional<String> commit,
      String ref,
      int consecutiveFailures,
      Optional<String> lastFailure) {}

  private final String ref;
  private final SyncSettings settings;
  private final Map<Result, Long> counts = new EnumMap<>(Result.class);
  private final Map<Result, Duration> durations = new EnumMap<>(Result.class);
  private Instant lastSuccess;
  private String commit;
  private int consecutiveFailures;
  private String lastFailure;

  public SyncStatus(String ref, SyncSettings settings) {
    this.ref = ref;
    this.settings = settings;
    for (Result result : Result.values()) {
      counts.put(result, 0L);
      durations.put(result, Duration.ZERO);
    }
  }

  /** A sync succeeded and {@code commit} is published (new or unchanged). */
  public synchronized void succeeded(Result result, String commit, Instant at, Duration took) {
    count(result, took);
    this.commit = commit;
    this.lastSuccess = at;
    this.consecutiveFailures = 0;
    this.lastFailure = null;
  }

  /** A sync failed with the given one-line cause. */
  public synchronized void failed(String cause, Duration took) {
    count(Result.ERROR, took);
    consecutiveFailures++;
    lastFailure = cause;
  }

  private void count(Result result, Duration took) {
    counts.merge(result, 1L, Long::sum);
    durations.merge(result, took, Duration::plus);
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(
        Map.copyOf(counts),
        Map.copyOf(durations),
        Optional.ofNullable(lastSuccess),
        Optional.ofNullable(commit),
        ref,
        consecutiveFailures,
        Optional.ofNullable(lastFailure));
  }

  /** Healthy once a checkout is published and the syncs are not failing beyond the limit. */
  public synchronized boolean healthy() {
    return commit != null && !settings.tooManyFailures(consecutiveFailures);
  }

  /** One line for people: why {@code /healthz} answers as it does. */
  public synchronized String healthReason() {
    if (commit == null) {
      // The first sync retries until --timeout, then ends the run: no failure to show here.
      return "waiting for the first sync";
    }
    String published = "published " + commit + " (" + ref + ")";
    if (consecutiveFailures == 0) {
      return published;
    }
    return published
        + "; the last "
        + (consecutiveFailures == 1 ? "sync" : consecutiveFailures + " syncs")
        + " failed: "
        + lastFailure;
  }
}
