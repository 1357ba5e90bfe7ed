package dev.initkit.common.cli;

import dev.initkit.common.failure.ExitCode;
import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.UsageException;
import dev.initkit.common.log.Log;
import dev.initkit.common.log.Redactor;
import dev.initkit.common.log.Terminal;
import dev.initkit.common.log.slf4j.LibraryLogs;
import dev.initkit.common.report.ReportWriter;
import dev.initkit.common.report.RunReport;
import dev.initkit.common.report.TerminationMessage;
import dev.initkit.common.units.Durations;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * The frame of every tool's command. A subclass holds picocli fields and implements {@link
 * #execute} as one short call into its job; this class turns the outcome into the exit code, the
 * log's last line, the report and the termination message, one error path for all tools.
 */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    footer = {
      "",
      "Every option can also be set by the environment variable named under it; "
          + "the command line wins. In a variable, list items go one per line "
          + "(comma-separated for lists of fixed words).",
      "Exit codes: 0 done; 1 failed (after retries); 2 bad input, nothing written; "
          + "3 deadline passed."
    })
public abstract class ToolCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  private RunEnvironment world;
  private Redactor redactor;
  private EnvironmentDefaults defaults;

  /**
   * Does the tool's job: builds its validated options (throwing {@link UsageException} before
   * anything is written) and calls its service.
   */
  protected abstract ToolOutcome execute(ToolContext context)
      throws InitkitException, InterruptedException;

  /** Defaults this tool sets for shared options, by long name (e.g. a shorter retry interval). */
  protected Map<String, String> toolDefaults() {
    return Map.of();
  }

  final void bind(RunEnvironment world, Redactor redactor, EnvironmentDefaults defaults) {
    this.world = world;
    this.redactor = redactor;
    this.defaults = defaults;
  }

  @Override
  public final Integer call() {
    String tool = spec.name();
    Instant startedAt = world.clock().instant();
    Log log = new Log(common.logSettings(tool), world.err(), redactor, world.clock());
    LibraryLogs.routeTo(log, common.verbose);
    ToolOutcome outcome;
    try {
      rejectUnknownVariables();
      log.info("started " + tool + " " + VersionInfo.current().version(), effectiveOptions());
      outcome =
          execute(
              new ToolContext(
                  log, new SecretFiles(redactor), Terminal.isStderrTerminal(), world.env()));
    } catch (InitkitException e) {
      log.error(e.getMessage(), e, false);
      outcome = new ToolOutcome(e.exitCode(), e.getMessage(), Map.of());
    } catch (InterruptedException e) {
      // SIGTERM: the shutdown hook interrupted the work, which cleaned up on its way out.
      String message = "stopped before the job was done: the process was asked to terminate";
      log.warn(message);
      outcome = new ToolOutcome(ExitCode.FAILED, message, Map.of());
    } catch (RuntimeException e) {
      String message = "unexpected error, a bug in " + tool + " (please report it): " + e;
      log.error(message, e, true);
      outcome = new ToolOutcome(ExitCode.FAILED, message, Map.of());
    }
    finish(log, startedAt, outcome);
    return outcome.exitCode().code();
  }

  private void rejectUnknownVariables() throws UsageException {
    List<String> unknown = defaults.unknownVariables(spec);
    if (!unknown.isEmpty()) {
      throw new UsageException(
          "unknown environment variable " + String.join(", ", unknown) + ": it sets no option");
    }
  }

  /** The options in effect, secrets masked, as key facts for the start-up line. */
  private Object[] effectiveOptions() {
    List<Object> facts = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      Object value = option.getValue();
      if (option.usageHelp()
          || option.versionHelp()
          || value == null
          || Boolean.FALSE.equals(value)
          || (value instanceof Collection<?> c && c.isEmpty())) {
        continue;
      }
      facts.add(EnvironmentDefaults.bareName(option));
      facts.add(display(value));
    }
    return facts.toArray();
  }

  /** Values as users write them: enum words in lower case, also inside lists; durations short. */
  private static Object display(Object value) {
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT);
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(ToolCommand::display).toList();
    }
    return value instanceof Duration d ? Durations.format(d) : value;
  }

  private void finish(Log log, Instant startedAt, ToolOutcome outcome) {
    ExitCode code = outcome.exitCode();
    // Bad input writes nothing, not even a report.
    if (common.report != null && code != ExitCode.USAGE) {
      RunReport report =
          new RunReport(
              spec.name(),
              VersionInfo.current().version(),
              VersionInfo.current().commit(),
              code,
              startedAt,
              world.clock().instant(),
              outcome.message(),
              outcome.result());
      try {
        ReportWriter.write(common.report, report, redactor);
      } catch (IOException e) {
        log.warn("could not write the report " + common.report + ": " + e);
      }
    }
    if (code != ExitCode.OK) {
      writeTerminationMessage(log, common.terminationLog, outcome.message());
    }
  }

  /** Writes the failure's cause where the kubelet reads it; used for usage errors too. */
  static void writeTerminationMessage(Log log, Path configured, String message) {
    TerminationMessage.target(configured)
        .ifPresent(
            file -> {
              try {
                TerminationMessage.write(file, message, log.redactor());
              } catch (IOException e) {
                log.warn("could not write the termination message " + file + ": " + e);
              }
            });
  }

  RunEnvironment world() {
    return world;
  }

  Redactor redactor() {
    return redactor;
  }

  EnvironmentDefaults defaults() {
    return defaults;
  }
}
