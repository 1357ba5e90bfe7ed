package dev.initkit.common.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.common.failure.DeadlineExceededException;
import dev.initkit.common.failure.ExitCode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DestinationLockTest {
  @TempDir Path volume;

  private PublishOptions options(Duration lockWait) {
    return PublishOptions.directory()
        .withType(DestinationType.ORDINARY_PATH)
        .withLockWait(lockWait);
  }

  @Test
  void secondRunWaitsForLockThenPublishes() throws Exception {
    Path dest = volume.resolve("out");
    AtomicReference<Thread> secondThread = new AtomicReference<>();
    try (StagingArea first = StagingArea.open(dest, options(Duration.ZERO))) {
      GenerationTree.write(first.path(), 3, "first");
      CompletableFuture<Void> second =
          CompletableFuture.runAsync(
              () -> {
                secondThread.set(Thread.currentThread());
                try (StagingArea area = StagingArea.open(dest, options(Duration.ofSeconds(20)))) {
                  GenerationTree.write(area.path(), 3, "second");
                  area.publish();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      awaitSleeping(secondThread); // it polls the lock: proof it waits rather than proceeds
      assertThat(second).isNotDone();
      assertThat(first.path()).exists(); // its live staging was not taken for a leftover
      first.publish();
      assertThat(GenerationTree.generationOf(dest, 3)).isEqualTo("first");
      first.close();
      second.get(20, TimeUnit.SECONDS);
    }

    assertThat(GenerationTree.generationOf(dest, 3)).isEqualTo("second");
  }

  @Test
  void lockHeldLongerThanTheWaitIsADeadlineExceeded() throws Exception {
    Path dest = volume.resolve("out");
    try (StagingArea first = StagingArea.open(dest, options(Duration.ZERO))) {
      assertThatThrownBy(() -> StagingArea.open(dest, options(Duration.ofMillis(100))))
          .isInstanceOfSatisfying(
              DeadlineExceededException.class,
              e -> assertThat(e.exitCode()).isEqualTo(ExitCode.TIMEOUT))
          .hasMessageContaining("another run");
      assertThat(first.path()).exists();
    }
  }

  @Test
  void lockIsFreeAgainAfterClose() throws Exception {
    Path dest = volume.resolve("out");
    StagingArea.open(dest, options(Duration.ZERO)).close();

    try (StagingArea again = StagingArea.open(dest, options(Duration.ZERO))) {
      assertThat(again.path()).exists();
    }
  }

  private static void awaitSleeping(AtomicReference<Thread> thread) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (thread.get() == null || thread.get().getState() != Thread.State.TIMED_WAITING) {
      assertThat(Instant.now()).as("second run starts waiting").isBefore(deadline);
      Thread.onSpinWait();
    }
  }
}
