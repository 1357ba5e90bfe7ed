package dev.initkit.common.cli;

import dev.initkit.common.failure.ExitCode;
import dev.initkit.common.log.Log;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A bad flag or variable: one line that names it and what to do, the termination message, and exit
 * 2. Nothing has been written yet: parsing happens before any work.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
  private final ToolCommand command;

  UsageErrorHandler(ToolCommand command) {
    this.command = command;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    String tool = commandLine.getCommandName();
    String message = namingTheVariable(e) + " (see '" + tool + " --help')";
    // The log options may be half-parsed; whatever was read (say, json from the environment) holds.
    Log log =
        new Log(
            command.common.logSettings(tool),
            command.world().err(),
            command.redactor(),
            command.world().clock());
    log.error(message);
    ToolCommand.writeTerminationMessage(log, command.common.terminationLog, message);
    return ExitCode.USAGE.code();
  }

  /** Picocli names the option; when its value came from the environment, name the variable. */
  private String namingTheVariable(ParameterException e) {
    String message = e.getMessage();
    if (e.getArgSpec() instanceof OptionSpec option) {
      boolean matched =
          e.getCommandLine().getParseResult() != null
              && e.getCommandLine().getParseResult().hasMatchedOption(option);
      if (command.defaults().fromEnvironment(option, matched)) {
        String variable = command.defaults().variable(option).orElseThrow();
        return message.replace(
            "option '" + option.longestName() + "'",
            "environment variable " + variable + " (" + option.longestName() + ")");
      }
    }
    return message;
  }
}
