package dev.initkit.gitfetch.jgit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.log.ProgressReporter;
import dev.initkit.gitfetch.ProgressSource;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** JGit asks its progress monitor whether to stop; SIGTERM must be heard even without the flag. */
class JGitProgressTest {
  private final AtomicBoolean shutdown = new AtomicBoolean();

  private final ProgressSource source =
      new ProgressSource() {
        @Override
        public ProgressReporter start(String task, long total) {
          throw new AssertionError("no task started in these tests");
        }

        @Override
        public boolean cancelled() {
          return shutdown.get();
        }
      };

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void keepsGoingWhileNothingAsksToStop() {
    assertThat(new JGitProgress(source).isCancelled()).isFalse();
  }

  @Test
  void stopsOnAnInterrupt() {
    Thread.currentThread().interrupt();

    assertThat(new JGitProgress(source).isCancelled()).isTrue();
  }

  @Test
  void stopsOnTheShutdownSignalAfterJGitClearedTheInterruptAndRaisesItAgain() {
    shutdown.set(true);

    assertThat(new JGitProgress(source).isCancelled()).isTrue();
    assertThat(Thread.currentThread().isInterrupted())
        .as("the retrier sees the interrupt and stops")
        .isTrue();
  }
}
