package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * db-wait as a child process, stopped by SIGTERM while it waits (a Pod deleted during its init): it
 * holds nothing to clean up, so it ends at once, with no thread of its own keeping it alive.
 */
class SigtermIT {
  @TempDir Path dir;

  @Test
  void sigtermWhileWaitingEndsTheProcessWith143() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(DbWaitCommand.class.getName());
    command.add("jdbc:postgresql://127.0.0.1:" + PostgresServer.freePort() + "/app");
    command.add("tcp://127.0.0.1:" + PostgresServer.freePort());
    command.addAll(List.of("--password", "x-Pa55", "--timeout", "10m"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("DB_WAIT_"));
    Process process = builder.start();
    BlockingQueue<String> lines = readLines(process);

    String line;
    do {
      line = lines.poll(60, TimeUnit.SECONDS);
      assertThat(line).as("db-wait logs its first failed attempt").isNotNull();
    } while (!line.contains("attempt 1 failed"));
    process.destroy();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ended after SIGTERM").isTrue();
    assertThat(process.exitValue()).isEqualTo(128 + 15);
  }

  private static BlockingQueue<String> readLines(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = in.readLine()) != null; ) {
                  lines.add(l);
                }
              } catch (IOException ignored) {
                // The child ended; what was read is all there is.
              }
            });
    reader.setDaemon(true);
    reader.start();
    return lines;
  }
}
