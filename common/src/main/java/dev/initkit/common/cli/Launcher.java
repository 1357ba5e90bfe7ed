package dev.initkit.common.cli;

import dev.initkit.common.log.Redactor;
import dev.initkit.common.log.slf4j.RoutingServiceProvider;
import dev.initkit.common.units.DataSize;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Runs a tool's command: the one place that reads the real environment and calls {@code
 * System.exit}. A tool's {@code main} is one line: {@code Launcher.main(new GitFetchCommand(),
 * args)}.
 */
public final class Launcher {
  static {
    // picocli otherwise looks for Groovy's Closure class (for closures in annotations, which no
    // tool has): a lookup that fails through the whole class path and its exception, ~10 ms of
    // every start (deps-fetch --version: 166 -> 156 ms, hyperfine).
    System.setProperty("picocli.disable.closures", "true");
    RoutingServiceProvider.nameAsProvider();
  }

  private Launcher() {}

  public static void main(ToolCommand command, String[] args) {
    RunEnvironment world =
        new RunEnvironment(System.getenv(), System.out, System.err, Clock.systemUTC());
    System.exit(run(command, args, world));
  }

  /** Parses {@code args} and the environment, runs the command and returns its exit code. */
  public static int run(ToolCommand command, String[] args, RunEnvironment world) {
    Redactor redactor = new Redactor();
    CommandLine commandLine = new CommandLine(command);
    EnvironmentDefaults defaults =
        new EnvironmentDefaults(commandLine.getCommandName(), world.env(), command.toolDefaults());
    EnvironmentDefaults.checkListSplits(commandLine.getCommandSpec());
    command.bind(world, redactor, defaults);
    commandLine
        .setDefaultValueProvider(defaults)
        .setHelpFactory(EnvironmentHelp.factory(defaults))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setOut(new PrintWriter(world.out(), true, StandardCharsets.UTF_8))
        .setErr(new PrintWriter(world.err(), true, StandardCharsets.UTF_8))
        .setParameterExceptionHandler(new UsageErrorHandler(command))
        .registerConverter(Secret.class, new SecretConverter(redactor))
        .registerConverter(Duration.class, new DurationConverter())
        .registerConverter(DataSize.class, new DataSizeConverter());
    return commandLine.execute(args);
  }
}
