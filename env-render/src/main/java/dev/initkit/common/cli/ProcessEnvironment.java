package dev.initkit.common.cli;

import java.util.Map;

/**
 * The process environment of a run, as the launcher injected it (the real one in production, a
 * test's map under {@code ToolRun}). env-render needs it for {@code --env} and {@code
 * --env-prefix}; common does not expose it yet, so this shim lives in the env-render module, in
 * common's package. To move into common as {@code ToolContext.environment()}.
 */
public final class ProcessEnvironment {
  private ProcessEnvironment() {}

  /** The environment the launcher gave {@code command}. */
  public static Map<String, String> of(ToolCommand command) {
    return command.world().env();
  }
}
