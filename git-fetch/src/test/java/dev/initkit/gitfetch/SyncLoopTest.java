package dev.initkit.gitfetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.common.failure.DeadlineExceededException;
import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.JobFailedException;
import dev.initkit.common.log.Log;
import dev.initkit.common.log.LogFormat;
import dev.initkit.common.log.LogSettings;
import dev.initkit.common.log.Redactor;
import dev.initkit.common.testkit.MutableClock;
import dev.initkit.gitfetch.sync.SyncLoop;
import dev.initkit.gitfetch.sync.SyncSettings;
import dev.initkit.gitfetch.sync.SyncStatus;
import dev.initkit.gitfetch.sync.TouchFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync loop's rules, on scripted syncs and a clock that the waits move. */
class SyncLoopTest {
  private static final Duration PERIOD = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Log log =
      new Log(
          LogSettings.of("git-fetch", LogFormat.TEXT, false, false),
          new PrintStream(err, true, StandardCharsets.UTF_8),
          new Redactor(),
          clock);
  private final Deque<Object> script = new ArrayDeque<>();
  private int syncs;
  private boolean stopped;

  @TempDir Path dir;

  private SyncLoop loop(int maxFailures, Optional<TouchFile> touch) {
    stopped = false;
    SyncSettings settings =
        new SyncSettings(PERIOD, maxFailures, Optional.empty(), Optional.empty(), Optional.empty());
    return new SyncLoop(
        settings,
        first -> {
          syncs++;
          Object next = script.removeFirst();
          if (next instanceof InitkitException e) {
            throw e;
          }
          return result((String) next);
        },
        new SyncStatus("main", settings),
        touch,
        Optional.empty(),
        log,
        period -> {
          clock.advance(period);
          // As SIGTERM between syncs: the script is played out.
          stopped = script.isEmpty();
        },
        () -> stopped);
  }

  private static FetchResult result(String commit) {
    return new FetchResult(
        FetchResult.Action.UPDATED,
        RedactedUrl.parse("https://git.example.org/app.git"),
        GitRef.parse("main"),
        new CheckedOutCommit(commit.repeat(40), Instant.EPOCH),
        Path.of("/git/app"),
        1,
        1,
        Duration.ZERO);
  }

  private void then(Object... outcomes) {
    for (Object outcome : outcomes) {
      script.addLast(outcome);
    }
  }

  private static JobFailedException down() {
    return new JobFailedException("timed out after 5m (7 attempts); connection refused");
  }

  private String written() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void maxFailuresZeroEndsTheRunAtTheFirstFailedSyncAfterTheFirst() {
    then("a", down(), "b");

    assertThatThrownBy(() -> loop(0, Optional.empty()).run())
        .isInstanceOf(JobFailedException.class)
        .hasMessageStartingWith("gave up after 1 failed sync in a row (--max-failures 0)")
        .hasMessageContaining("connection refused");
    assertThat(syncs).isEqualTo(2);
  }

  @Test
  void maxFailuresTwoToleratesTwoInARowAndASuccessResetsTheCount() throws Exception {
    then("a", down(), down(), "a", down(), down(), "b");

    Optional<FetchResult> last = loop(2, Optional.empty()).run();

    assertThat(last.orElseThrow().commit().commit()).isEqualTo("b".repeat(40));
    assertThat(written()).contains("sync recovered after 2 failures");

    then("b", down(), down(), down(), "c");
    assertThatThrownBy(() -> loop(2, Optional.empty()).run())
        .hasMessageStartingWith("gave up after 3 failed syncs in a row (--max-failures 2)");
  }

  @Test
  void maxFailuresMinusOneNeverGivesUp() throws Exception {
    then("a");
    for (int i = 0; i < 100; i++) {
      then(down());
    }

    Optional<FetchResult> last = loop(SyncSettings.UNLIMITED_FAILURES, Optional.empty()).run();

    assertThat(last.orElseThrow().commit().commit()).isEqualTo("a".repeat(40));
    assertThat(syncs).isEqualTo(101);
  }

  @Test
  void theFirstSyncsFailureEndsTheRunUnchanged() {
    DeadlineExceededException timedOut =
        new DeadlineExceededException("timed out after 5m", new java.net.ConnectException());
    then(timedOut, "a");

    assertThatThrownBy(() -> loop(SyncSettings.UNLIMITED_FAILURES, Optional.empty()).run())
        .isSameAs(timedOut);
  }

  @Test
  void repeatedFailuresAreLoggedOnceAMinuteSayingHowManyWereNotShown() throws Exception {
    then("a");
    // Every 30 s: the first failure is logged, the next one is not, the third (60 s later) is.
    then(down(), down(), down());

    loop(SyncSettings.UNLIMITED_FAILURES, Optional.empty()).run();

    assertThat(written().lines().filter(line -> line.contains("sync failed")))
        .hasSize(2)
        .last()
        .asString()
        .contains("(1 more like it not shown)", "failures=3");
  }

  @Test
  void theTouchFileIsTouchedAfterTheFirstSyncAndEachChangeOnly() throws Exception {
    Path file = dir.resolve("touched");
    then("a");
    loop(0, Optional.of(new TouchFile(file, clock))).run();
    Instant first = Files.getLastModifiedTime(file).toInstant();

    then("a", "a", "b", "b");
    loop(0, Optional.of(new TouchFile(file, clock))).run();

    // The second loop's first sync touches, and so does the change to b, one period later.
    assertThat(Files.getLastModifiedTime(file).toInstant())
        .isEqualTo(first.plus(PERIOD.multipliedBy(3)));
  }
}
