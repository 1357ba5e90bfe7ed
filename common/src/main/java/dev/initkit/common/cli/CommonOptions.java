package dev.initkit.common.cli;

import dev.initkit.common.log.LogFormat;
import dev.initkit.common.log.LogSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every tool shares: logging, the report and the termination message. */
public final class CommonOptions {
  @Option(
      order = 900,
      names = "--log-format",
      paramLabel = "text|json",
      defaultValue = "text",
      description =
          "Log lines as text for people or JSON for log pipelines (default: ${DEFAULT-VALUE}).")
  LogFormat logFormat = LogFormat.TEXT;

  @Option(
      order = 910,
      names = {"-q", "--quiet"},
      description = "Log warnings and errors only.")
  boolean quiet;

  @Option(
      order = 920,
      names = {"-v", "--verbose"},
      description = "Log debug lines, library messages and stack traces.")
  boolean verbose;

  @Option(
      order = 930,
      names = "--report",
      paramLabel = "FILE",
      description =
          "Write a JSON record of the run and what it produced (schema initkit.report/v1).")
  Path report;

  @Option(
      order = 940,
      names = "--termination-log",
      paramLabel = "FILE",
      description =
          "Where to write the cause of a failure for 'kubectl describe pod' "
              + "(default: /dev/termination-log when it exists).")
  Path terminationLog;

  LogSettings logSettings(String tool) {
    if (quiet && verbose) {
      // Both set (say, one in the environment): the user asked to see more somewhere.
      return LogSettings.of(tool, logFormat, false, true);
    }
    return LogSettings.of(tool, logFormat == null ? LogFormat.TEXT : logFormat, quiet, verbose);
  }
}
