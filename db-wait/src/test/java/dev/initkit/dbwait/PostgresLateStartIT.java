package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PostgreSQL that starts only after db-wait has begun waiting for it. */
class PostgresLateStartIT {
  @TempDir Path dir;

  @Test
  void serverStartingAfterDbWaitIsNoticedAndExitsZero() throws Exception {
    try (PostgresServer server = PostgresServer.notStarted(dir)) {
      LiveRun run = LiveRun.start(server.url("postgres"), "--user", "postgres", "--timeout", "2m");

      run.awaitLog("connection refused (nothing listens yet)", Duration.ofSeconds(30));
      server.startAgain();
      ToolResult result = run.await(Duration.ofSeconds(60));

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(result.stderr())
          .contains("retrying in 25ms")
          .contains(server.url("postgres") + " is ready");
    }
  }
}
