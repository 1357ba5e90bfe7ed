package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.fail;

import dev.initkit.common.cli.Launcher;
import dev.initkit.common.cli.RunEnvironment;
import dev.initkit.common.testkit.ToolResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs db-wait in this JVM on a thread of its own, so a test can act on a server while it waits,
 * reading the log as it is written to know what db-wait has already seen.
 */
final class LiveRun {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CompletableFuture<Integer> exit;

  private LiveRun(List<String> args, Map<String, String> env) {
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    RunEnvironment world = new RunEnvironment(env, outStream, errStream, Clock.systemUTC());
    exit =
        CompletableFuture.supplyAsync(
            () -> Launcher.run(new DbWaitCommand(), args.toArray(String[]::new), world),
            task -> {
              Thread thread = new Thread(task, "db-wait-under-test");
              thread.setDaemon(true);
              thread.start();
            });
  }

  static LiveRun start(String... args) {
    return new LiveRun(List.of(args), Map.of());
  }

  static LiveRun start(Map<String, String> env, String... args) {
    return new LiveRun(List.of(args), new HashMap<>(env));
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Waits until the log contains {@code fragment}; fails if db-wait exits first. */
  LiveRun awaitLog(String fragment, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!stderr().contains(fragment)) {
      if (exit.isDone()) {
        fail(
            "db-wait exited (" + exit.join() + ") before logging '" + fragment + "':\n" + stderr());
      }
      if (System.nanoTime() > end) {
        fail("db-wait did not log '" + fragment + "' within " + timeout + ":\n" + stderr());
      }
      try {
        exit.get(20, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | InterruptedException | ExecutionException stillRunning) {
        // poll again
      }
    }
    return this;
  }

  /** Waits for db-wait to exit. */
  ToolResult await(Duration timeout) {
    try {
      int code = exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new ToolResult(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } catch (TimeoutException e) {
      return fail("db-wait did not exit within " + timeout + ":\n" + stderr());
    } catch (InterruptedException | ExecutionException e) {
      return fail("db-wait failed: " + e, e);
    }
  }
}
