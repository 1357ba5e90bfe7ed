package dev.initkit.common.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The outside world of one run: environment variables, output streams and clock. Injected so that
 * tests never touch the real environment; only {@link Launcher#main} uses the real ones.
 */
public record RunEnvironment(
    Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
  public RunEnvironment {
    env = Map.copyOf(Objects.requireNonNull(env, "env"));
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(clock, "clock");
  }
}
