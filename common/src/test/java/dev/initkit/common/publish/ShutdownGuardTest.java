package dev.initkit.common.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard's hook, run directly by the test as the JVM would run it on SIGTERM, while a worker
 * thread is in the middle of its work.
 */
class ShutdownGuardTest {
  private static final PublishOptions ORDINARY =
      PublishOptions.directory().withType(DestinationType.ORDINARY_PATH);

  @TempDir Path volume;

  /** Own threads: the hook interrupts them, which must not leak into a shared pool. */
  private final ExecutorService workers = Executors.newCachedThreadPool();

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  private Path dest() {
    return volume.resolve("out");
  }

  private void publishGeneration(String generation) throws Exception {
    try (StagingArea area = StagingArea.open(dest(), ORDINARY)) {
      GenerationTree.write(area.path(), 4, generation);
      area.publish();
    }
  }

  @Test
  void hookInterruptsWorkerAndLetsItCleanUp() throws Exception {
    publishGeneration("gen-1");
    AtomicReference<ShutdownGuard> guard = new AtomicReference<>();
    AtomicReference<Path> staging = new AtomicReference<>();
    CountDownLatch interrupted = new CountDownLatch(1);
    CompletableFuture<Void> worker =
        CompletableFuture.runAsync(
            () -> {
              try (ShutdownGuard g = ShutdownGuard.open(Duration.ofSeconds(10));
                  StagingArea area = g.protect(StagingArea.open(dest(), ORDINARY))) {
                GenerationTree.write(area.path(), 2, "gen-2");
                staging.set(area.path());
                guard.set(g);
                new CountDownLatch(1).await(); // "slow work" until interrupted
              } catch (InterruptedException e) {
                interrupted.countDown();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            workers);
    await(() -> guard.get() != null);

    guard.get().hook().run();

    worker.get(10, TimeUnit.SECONDS); // its catch block runs after the guard closed
    assertThat(interrupted.getCount()).isZero();
    assertThat(staging.get()).doesNotExist();
    assertThat(GenerationTree.generationOf(dest(), 4)).isEqualTo("gen-1");
  }

  @Test
  void hookRemovesStagingOfAWorkerThatIgnoresTheInterrupt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<StagingArea> area = new AtomicReference<>();
    AtomicReference<ShutdownGuard> guard = new AtomicReference<>();
    Thread worker =
        new Thread(
            () -> {
              try (ShutdownGuard g = ShutdownGuard.open(Duration.ofMillis(50))) {
                StagingArea a = g.protect(StagingArea.open(dest(), ORDINARY));
                GenerationTree.write(a.path(), 2, "gen-2");
                area.set(a);
                guard.set(g);
                awaitIgnoringInterrupts(release);
                a.close();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    worker.start();
    await(() -> guard.get() != null);

    guard.get().hook().run();

    assertThat(area.get().path()).doesNotExist();
    assertThat(dest()).doesNotExist();
    release.countDown();
    worker.join(10_000);
  }

  @Test
  void hookPutsPreviousResultBackWhenKilledBetweenTheRenames() throws Exception {
    publishGeneration("gen-1");
    CountDownLatch betweenRenames = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<ShutdownGuard> guard = new AtomicReference<>();
    Runnable stall =
        () -> {
          betweenRenames.countDown();
          awaitIgnoringInterrupts(release);
        };
    CompletableFuture<Void> worker =
        CompletableFuture.runAsync(
            () -> {
              try (ShutdownGuard g = ShutdownGuard.open(Duration.ofMillis(50));
                  StagingArea area = g.protect(StagingArea.open(dest(), ORDINARY, stall))) {
                GenerationTree.write(area.path(), 4, "gen-2");
                guard.set(g);
                area.publish();
              } catch (Exception e) {
                // Expected: the hook put the previous result back, so the second rename fails.
              }
            },
            workers);
    betweenRenames.await(10, TimeUnit.SECONDS);
    assertThat(dest()).doesNotExist();

    guard.get().hook().run();

    assertThat(GenerationTree.generationOf(dest(), 4)).isEqualTo("gen-1");
    release.countDown();
    worker.get(10, TimeUnit.SECONDS);
    assertThat(GenerationTree.generationOf(dest(), 4)).isEqualTo("gen-1");
    try (var entries = Files.list(volume)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(".out.initkit-lock", "out");
    }
  }

  @Test
  void hookDoesNothingOnceTheWorkEnded() throws Exception {
    publishGeneration("gen-1");
    ShutdownGuard guard = ShutdownGuard.open(Duration.ofSeconds(10));
    try (guard;
        StagingArea area = guard.protect(StagingArea.open(dest(), ORDINARY))) {
      GenerationTree.write(area.path(), 4, "gen-2");
      area.publish();
    }

    Instant start = Instant.now();
    guard.hook().run(); // as when the launcher's System.exit runs the remaining hooks

    assertThat(Thread.interrupted()).isFalse();
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
    assertThat(GenerationTree.generationOf(dest(), 4)).isEqualTo("gen-2");
  }

  private static void awaitIgnoringInterrupts(CountDownLatch latch) {
    while (true) {
      try {
        latch.await();
        return;
      } catch (InterruptedException ignored) {
        // This worker plays one that does not react to the interrupt.
      }
    }
  }

  private static void await(BooleanSupplier condition) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("condition met in time").isBefore(deadline);
      Thread.onSpinWait();
    }
  }
}
