package dev.initkit.common.sample;

import dev.initkit.common.cli.EnvironmentDefaults;
import dev.initkit.common.cli.Launcher;
import dev.initkit.common.cli.RetryOptions;
import dev.initkit.common.cli.Secret;
import dev.initkit.common.cli.ToolCommand;
import dev.initkit.common.cli.ToolContext;
import dev.initkit.common.cli.ToolOutcome;
import dev.initkit.common.failure.Classification;
import dev.initkit.common.failure.FailureClassifier;
import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.JobFailedException;
import dev.initkit.common.failure.UsageException;
import dev.initkit.common.publish.PublishOptions;
import dev.initkit.common.publish.ShutdownGuard;
import dev.initkit.common.publish.StagingArea;
import dev.initkit.common.retry.AttemptLog;
import dev.initkit.common.retry.Retrier;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin RetryOptions retry;

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
  protected ToolOutcome execute(ToolContext context) throws InitkitException, InterruptedException {
    Secret secret = context.secretFiles().choose("--token", token, tokenFile);
    if (!names.isEmpty() && dest == null) {
      throw new UsageException("--name needs --dest: the greeting has to go somewhere");
    }
    String used = secret == null ? "" : secret.reveal();
    switch (simulate) {
      case FAILURE, TIMEOUT -> callServer(context, used);
      case BUG -> throw new IllegalStateException("broken invariant near " + used);
      default -> {
        // success: go on to the work below
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    if (dest != null) {
      String greeting = greeting();
      try (ShutdownGuard guard = ShutdownGuard.open();
          StagingArea area = guard.protect(StagingArea.open(dest, PublishOptions.file()))) {
        Files.writeString(area.path(), greeting, StandardCharsets.UTF_8);
        area.publish();
      } catch (IOException e) {
        throw new JobFailedException("could not write " + dest + ": " + e.getMessage(), e);
      }
      context.log().info("wrote greeting to " + dest, "names", names.size());
      result.put("dest", dest.toString());
      result.put("names", names);
    }
    return ToolOutcome.done(result);
  }

  /**
   * Calls a server that is never there (transient: retried until the deadline, exit 3) or that
   * refuses the token (permanent: exit 1 at once), through the shared Retrier.
   */
  private void callServer(ToolContext context, String usedToken)
      throws InitkitException, InterruptedException {
    FailureClassifier classifier =
        failure ->
            failure instanceof ConnectException
                ? Classification.transientCause("connection refused")
                : Classification.permanentCause(failure.getMessage() + ": check --token-file");
    Retrier.create(retry.policy(), classifier)
        .withListener(new AttemptLog(context.log(), AttemptLog.DEFAULT_INTERVAL))
        .run(
            attempt -> {
              if (simulate == Simulation.TIMEOUT) {
                throw new ConnectException("connection refused with " + usedToken);
              }
              throw new IOException("the server refused token " + usedToken);
            });
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
