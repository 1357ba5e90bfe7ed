package dev.initkit.common.testkit;

import dev.initkit.common.cli.Launcher;
import dev.initkit.common.cli.RunEnvironment;
import dev.initkit.common.cli.ToolCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a tool's command in this JVM with the given arguments and environment (never the real one),
 * capturing what it prints.
 */
public final class ToolRun {
  private final ToolCommand command;
  private final List<String> args = new ArrayList<>();
  private final Map<String, String> env = new HashMap<>();
  private Clock clock = Clock.systemUTC();

  private ToolRun(ToolCommand command) {
    this.command = command;
  }

  public static ToolRun of(ToolCommand command) {
    return new ToolRun(command);
  }

  public ToolRun args(String... more) {
    args.addAll(List.of(more));
    return this;
  }

  public ToolRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public ToolRun clock(Clock fixed) {
    this.clock = fixed;
    return this;
  }

  public ToolResult run() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int code =
        Launcher.run(
            command,
            args.toArray(String[]::new),
            new RunEnvironment(env, outStream, errStream, clock));
    return new ToolResult(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
