package dev.initkit.gitfetch.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsTextTest {
  private final SyncSettings settings =
      new SyncSettings(
          Duration.ofSeconds(30), 0, Optional.empty(), Optional.empty(), Optional.empty());

  @Test
  void beforeTheFirstSyncThereIsNoInfoMetricAndNoSuccessTime() {
    String text = MetricsText.render(new SyncStatus("main", settings).snapshot());

    assertThat(text)
        .contains("git_fetch_syncs_total{result=\"success\"} 0\n")
        .contains("git_fetch_last_success_timestamp_seconds 0\n")
        .doesNotContain("git_fetch_published_info");
  }

  @Test
  void countsSumsAndTheCommitAfterSyncs() {
    SyncStatus status = new SyncStatus("release/\"x\"", settings);
    status.succeeded(
        SyncStatus.Result.SUCCESS,
        "c0ffee",
        Instant.ofEpochMilli(1_700_000_000_250L),
        Duration.ofMillis(1500));
    status.succeeded(
        SyncStatus.Result.NOOP,
        "c0ffee",
        Instant.ofEpochMilli(1_700_000_030_000L),
        Duration.ofMillis(40));
    status.failed("connection refused", Duration.ofMillis(200));

    String text = MetricsText.render(status.snapshot());

    assertThat(text)
        .contains("git_fetch_sync_duration_seconds_sum{result=\"success\"} 1.500\n")
        .contains("git_fetch_sync_duration_seconds_count{result=\"noop\"} 1\n")
        .contains("git_fetch_syncs_total{result=\"error\"} 1\n")
        .contains("git_fetch_last_success_timestamp_seconds 1700000030.000\n")
        .contains("git_fetch_consecutive_failures 1\n")
        .contains("git_fetch_published_info{ref=\"release/\\\"x\\\"\",commit=\"c0ffee\"} 1\n");
    assertThat(status.healthy()).as("one failure beyond --max-failures 0").isFalse();
    assertThat(status.healthReason())
        .contains("c0ffee", "the last sync failed: connection refused");
  }
}
