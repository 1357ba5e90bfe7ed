package dev.initkit.common.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HelperThreadsTest {
  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void startsDaemonsThatAllRunTheWork() {
    AtomicInteger runs = new AtomicInteger();

    List<Thread> threads = HelperThreads.start(3, "helper", runs::incrementAndGet);
    boolean interrupted = HelperThreads.joinAll(threads, () -> {});

    assertThat(interrupted).isFalse();
    assertThat(runs).hasValue(3);
    assertThat(threads).allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
    assertThat(threads).allSatisfy(t -> assertThat(t.getName()).isEqualTo("helper"));
  }

  @Test
  void anInterruptedWaitTellsTheHelpersWaitsOnAndKeepsTheInterrupt() {
    CountDownLatch stop = new CountDownLatch(1);
    AtomicInteger finished = new AtomicInteger();
    List<Thread> threads =
        HelperThreads.start(
            2,
            "helper",
            () -> {
              try {
                if (stop.await(10, TimeUnit.SECONDS)) {
                  finished.incrementAndGet();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Thread.currentThread().interrupt();

    boolean interrupted = HelperThreads.joinAll(threads, stop::countDown);

    assertThat(interrupted).isTrue();
    assertThat(finished).hasValue(2);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }
}
