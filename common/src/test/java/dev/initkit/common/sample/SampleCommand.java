package dev.initkit.common.sample;

import dev.initkit.common.cli.EnvironmentDefaults;
import dev.initkit.common.cli.Launcher;
import dev.initkit.common.cli.Secret;
import dev.initkit.common.cli.ToolCommand;
import dev.initkit.common.cli.ToolContext;
import dev.initkit.common.cli.ToolOutcome;
import dev.initkit.common.failure.DeadlineExceededException;
import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.JobFailedException;
import dev.initkit.common.failure.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A tiny tool that proves the frame end to end: it greets names into a file, using a token it must
 * never print, and can be told to fail in each of the ways a real tool fails. Run without options
 * it does nothing, which makes it the start-up benchmark's no-op.
 */
@Command(name = "sample", description = "Writes a greeting; a test fixture for the common frame.")
public final class SampleCommand extends ToolCommand {
  /** How the job ends. */
  enum Simulation {
    SUCCESS,
    FAILURE,
    TIMEOUT,
    BUG
  }

  /** Fixed words, to show a comma-separated list. */
  enum Style {
    LOUD,
    POLITE
  }

  @Option(names = "--dest", paramLabel = "FILE", description = "Where to write the greeting.")
  Path dest;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      split = EnvironmentDefaults.LINES,
      hideParamSyntax = true,
      description = "Whom to greet; repeatable (in a variable: one per line).")
  List<String> names = List.of();

  @Option(
      names = "--style",
      paramLabel = "loud,polite",
      split = EnvironmentDefaults.COMMAS,
      description = "How to greet (comma-separated).")
  List<Style> styles = List.of();

  @Option(names = "--token", paramLabel = "TOKEN", description = "A secret the job uses.")
  Secret token;

  @Option(names = "--token-file", paramLabel = "FILE", description = "The token, from a file.")
  Path tokenFile;

  @Option(
      names = "--simulate",
      paramLabel = "success|failure|timeout|bug",
      defaultValue = "success",
      description = "How the job ends (default: ${DEFAULT-VALUE}).")
  Simulation simulate;

  public static void main(String[] args) {
    Launcher.main(new SampleCommand(), args);
  }

  @Override
  protected ToolOutcome execute(ToolContext context) throws InitkitException {
    Secret secret = context.secretFiles().choose("--token", token, tokenFile);
    if (!names.isEmpty() && dest == null) {
      throw new UsageException("--name needs --dest: the greeting has to go somewhere");
    }
    String used = secret == null ? "" : secret.reveal();
    switch (simulate) {
      case FAILURE ->
          throw new JobFailedException("the server refused token " + used + ": check --token-file");
      case TIMEOUT ->
          throw new DeadlineExceededException(
              "timed out after 1s; last cause (transient): connection refused with " + used, null);
      case BUG -> throw new IllegalStateException("broken invariant near " + used);
      default -> {
        // success: fall through to the work below
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    if (dest != null) {
      String greeting = greeting();
      try {
        Files.writeString(dest, greeting, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new JobFailedException("could not write " + dest + ": " + e.getMessage(), e);
      }
      context.log().info("wrote greeting to " + dest, "names", names.size());
      result.put("dest", dest.toString());
      result.put("names", names);
    }
    return ToolOutcome.done(result);
  }

  private String greeting() {
    StringBuilder text = new StringBuilder();
    for (String name : names) {
      String line = (styles.contains(Style.POLITE) ? "good day, " : "hello, ") + name;
      text.append(styles.contains(Style.LOUD) ? line.toUpperCase(java.util.Locale.ROOT) : line)
          .append('\n');
    }
    return text.toString();
  }
}
