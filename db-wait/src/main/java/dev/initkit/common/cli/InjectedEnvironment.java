package dev.initkit.common.cli;

import java.util.Map;

/**
 * The injected environment of a run, for a tool that must read variables outside its own {@code
 * <TOOL>_} prefix (db-wait honours libpq's {@code PGHOST}, {@code PGPASSWORD} and friends).
 *
 * <p>TEMPORARY BRIDGE: this class belongs in {@code common} (as {@code ToolContext.env()} and a way
 * to register a secret read from a variable). It lives in the db-wait module, in common's package
 * so that it can reach the frame's package-private state, until the lead moves it.
 */
public final class InjectedEnvironment {
  private InjectedEnvironment() {}

  /** The environment variables this run was started with (never the real ones in tests). */
  public static Map<String, String> of(ToolCommand command) {
    return command.world().env();
  }

  /** Registers a secret read from a variable, so no log line, report or message shows it. */
  public static Secret secret(ToolCommand command, String value) {
    command.redactor().register(value);
    return new Secret(value);
  }
}
