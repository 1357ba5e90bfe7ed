package dev.initkit.gitfetch.sync;

import java.time.Duration;
import java.util.Locale;

/**
 * Renders a {@link SyncStatus.Snapshot} in the Prometheus text exposition format (version 0.0.4).
 * Labels hold the ref and the commit id, nothing secret.
 */
public final class MetricsText {
  /** The content type Prometheus expects for this format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private MetricsText() {}

  public static String render(SyncStatus.Snapshot status) {
    StringBuilder out = new StringBuilder();
    header(out, "git_fetch_syncs_total", "counter", "Syncs by result: success, noop, error.");
    for (SyncStatus.Result result : SyncStatus.Result.values()) {
      sample(out, "git_fetch_syncs_total", result, status.counts().get(result));
    }
    header(out, "git_fetch_sync_duration_seconds", "summary", "Time spent in syncs, by result.");
    for (SyncStatus.Result result : SyncStatus.Result.values()) {
      out.append("git_fetch_sync_duration_seconds_sum{result=\"")
          .append(result.label())
          .append("\"} ")
          .append(seconds(status.durations().get(result)))
          .append('\n');
      out.append("git_fetch_sync_duration_seconds_count{result=\"")
          .append(result.label())
          .append("\"} ")
          .append(status.counts().get(result))
          .append('\n');
    }
    header(
        out,
        "git_fetch_last_success_timestamp_seconds",
        "gauge",
        "When the last sync succeeded, in seconds since the epoch; 0 before the first.");
    out.append("git_fetch_last_success_timestamp_seconds ")
        .append(status.lastSuccess().map(t -> seconds(t.toEpochMilli())).orElse("0"))
        .append('\n');
    header(
        out,
        "git_fetch_consecutive_failures",
        "gauge",
        "Syncs that failed in a row since the last success.");
    out.append("git_fetch_consecutive_failures ").append(status.consecutiveFailures()).append('\n');
    if (status.commit().isPresent()) {
      header(out, "git_fetch_published_info", "gauge", "The published commit and its ref.");
      out.append("git_fetch_published_info{ref=\"")
          .append(escape(status.ref()))
          .append("\",commit=\"")
          .append(status.commit().get())
          .append("\"} 1\n");
    }
    return out.toString();
  }

  private static void header(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(StringBuilder out, String name, SyncStatus.Result result, long n) {
    out.append(name)
        .append("{result=\"")
        .append(result.label())
        .append("\"} ")
        .append(n)
        .append('\n');
  }

  private static String seconds(Duration duration) {
    return seconds(duration.toMillis());
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** Label values escape backslash, double quote and newline. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
