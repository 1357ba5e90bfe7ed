package dev.initkit.common.cli;

import dev.initkit.common.failure.ExitCode;
import java.util.Map;
import java.util.Objects;

/**
 * How a tool's job ended when it did not throw: the exit code (a tool with several targets may end
 * with the worst of theirs), a one-line message for failures, and the facts for the report.
 */
public record ToolOutcome(ExitCode exitCode, String message, Map<String, Object> result) {
  public ToolOutcome {
    Objects.requireNonNull(exitCode, "exitCode");
    result = Map.copyOf(result);
  }

  public static ToolOutcome done(Map<String, Object> result) {
    return new ToolOutcome(ExitCode.OK, null, result);
  }
}
