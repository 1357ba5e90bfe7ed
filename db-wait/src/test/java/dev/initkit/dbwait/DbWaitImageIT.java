package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ProcessResult;
import dev.initkit.common.testkit.ToolImage;
import dev.initkit.common.testkit.ToolImageContract;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The db-wait image in a real podman, run as a kubelet runs an init container (uid 65532, a
 * read-only root without a writable /tmp, no LANG from outside), waiting for a PostgreSQL on
 * loopback that the test starts only once the container runs.
 */
class DbWaitImageIT extends ToolImageContract {

  @TempDir Path dir;

  @Override
  protected String tool() {
    return "db-wait";
  }

  @Test
  void waitsForAPostgresStartedLateThenExitsZero() throws Exception {
    try (PostgresServer server = PostgresServer.notStarted(dir)) {
      String name = "db-wait-image-it-" + ProcessHandle.current().pid();
      CompletableFuture<ProcessResult> wait =
          image
              .tool()
              .name(name)
              .args(server.url("postgres"), "--user", "postgres", "--timeout", "2m")
              .start(ToolImage.RUN_TIMEOUT);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
      // Poll for the container, pausing on the run itself, which may also end early.
      while (!image.podman().isRunning(name) && Instant.now().isBefore(deadline)) {
        try {
          wait.get(200, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException stillRunning) {
          // not started yet: look again
        }
      }
      server.startAgain();
      ProcessResult result = wait.join();

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(result.stderr()).contains("is ready");
    }
  }
}
