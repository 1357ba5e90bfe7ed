package dev.initkit.common.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelIoTest {
  @Test
  void runsTheActionOnceOnEachPathOnSeveralThreads() throws Exception {
    List<Integer> paths = IntStream.range(0, 20 * ParallelIo.PATHS_PER_THREAD).boxed().toList();
    Set<Integer> done = ConcurrentHashMap.newKeySet();
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch another = new CountDownLatch(1);

    ParallelIo.forEach(
        paths,
        ParallelIo.FLUSH_THREADS,
        path -> {
          assertThat(done.add(path)).as("path %d done twice", path).isTrue();
          threads.add(Thread.currentThread());
          if (path == 0) {
            // Whoever takes the first path waits until another thread has taken one.
            await(another);
          } else {
            another.countDown();
          }
        });

    assertThat(done).hasSize(paths.size());
    assertThat(threads).hasSizeBetween(2, ParallelIo.FLUSH_THREADS);
  }

  private static void await(CountDownLatch latch) throws IOException {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).as("another thread took a path").isTrue();
    } catch (InterruptedException e) {
      throw new InterruptedIOException();
    }
  }

  @Test
  void runsFewPathsOnTheCallingThreadOnly() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();

    ParallelIo.forEach(
        List.of(1, 2, 3),
        ParallelIo.FLUSH_THREADS,
        path -> threads.add(Thread.currentThread().getName()));

    assertThat(threads).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void throwsTheFirstFailureAsItWasOnceEveryThreadIsDone() {
    List<Integer> paths = IntStream.range(0, 4 * ParallelIo.PATHS_PER_THREAD).boxed().toList();
    IOException failure = new IOException("path 100 is gone");
    Set<Integer> running = ConcurrentHashMap.newKeySet();

    assertThatThrownBy(
            () ->
                ParallelIo.forEach(
                    paths,
                    ParallelIo.FLUSH_THREADS,
                    path -> {
                      running.add(path);
                      try {
                        if (path == 100) {
                          throw failure;
                        }
                      } finally {
                        running.remove(path);
                      }
                    }))
        .isSameAs(failure);
    assertThat(running).isEmpty();
  }

  @Test
  void throwsAnUncheckedFailureAsItWas() {
    List<Integer> paths = IntStream.range(0, 4 * ParallelIo.PATHS_PER_THREAD).boxed().toList();
    IllegalStateException failure = new IllegalStateException("broken");

    assertThatThrownBy(
            () ->
                ParallelIo.forEach(
                    paths,
                    ParallelIo.FLUSH_THREADS,
                    path -> {
                      if (path == 700) {
                        throw failure;
                      }
                    }))
        .isSameAs(failure);
  }
}
