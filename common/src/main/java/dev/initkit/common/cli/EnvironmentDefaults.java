package dev.initkit.common.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option defaults from an environment variable {@code <TOOL>_<OPTION>} in upper snake case
 * ({@code --repo} of git-fetch is {@code GIT_FETCH_REPO}); the command line wins. Then come the
 * tool's own defaults, then the annotation's.
 *
 * <p>List options split a variable's value with their own {@code split} regex: {@value #LINES} (one
 * item per line) for free text such as paths, coordinates with version ranges, SQL or {@code
 * KEY=VALUE} pairs; {@value #COMMAS} for lists of fixed words. {@link #checkListSplits} makes the
 * build's tests fail on a list option that declares neither.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {
  /** The split regex of free-text list options: one item per line. */
  public static final String LINES = "\\R";

  /** The split regex of lists of fixed words. */
  public static final String COMMAS = ",";

  private final String prefix;
  private final Map<String, String> env;
  private final Map<String, String> toolDefaults;

  /**
   * @param tool the command name, e.g. {@code git-fetch}
   * @param env the environment variables
   * @param toolDefaults defaults a tool sets for shared options, by long option name
   */
  public EnvironmentDefaults(
      String tool, Map<String, String> env, Map<String, String> toolDefaults) {
    this.prefix = snake(tool) + "_";
    this.env = env;
    this.toolDefaults = toolDefaults;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || !takesVariable(option)) {
      return null;
    }
    String fromEnv = env.get(variableName(option));
    return fromEnv != null ? fromEnv : toolDefaults.get(option.longestName());
  }

  /** The variable that sets {@code option}, or empty for --help and --version. */
  public Optional<String> variable(OptionSpec option) {
    return takesVariable(option) ? Optional.of(variableName(option)) : Optional.empty();
  }

  /** Whether {@code option} got its value from its environment variable. */
  public boolean fromEnvironment(OptionSpec option, boolean matchedOnCommandLine) {
    return !matchedOnCommandLine && takesVariable(option) && env.containsKey(variableName(option));
  }

  /**
   * Variables with this tool's prefix that set no option: a typo such as {@code GIT_FETCH_REPOO}
   * would otherwise be ignored in silence. Each entry says which variable and what was probably
   * meant.
   */
  public List<String> unknownVariables(CommandSpec spec) {
    Map<String, String> known = new TreeMap<>();
    for (OptionSpec option : spec.options()) {
      variable(option).ifPresent(name -> known.put(name, option.longestName()));
    }
    List<String> unknown = new ArrayList<>();
    for (String name : new TreeMap<>(env).keySet()) {
      if (name.startsWith(prefix) && !known.containsKey(name)) {
        unknown.add(
            name + closest(name, known.keySet()).map(c -> " (did you mean " + c + "?)").orElse(""));
      }
    }
    return unknown;
  }

  /**
   * Fails for a list option without {@link #LINES} or {@link #COMMAS} as its split: such an option
   * could not take a list from its variable. A programming error, caught by each tool's tests.
   */
  public static void checkListSplits(CommandSpec spec) {
    for (OptionSpec option : spec.options()) {
      if (option.isMultiValue()
          && !option.typeInfo().isMap()
          && !LINES.equals(option.splitRegex())
          && !COMMAS.equals(option.splitRegex())) {
        throw new IllegalStateException(
            option.longestName() + " is a list: declare split = LINES or COMMAS");
      }
    }
  }

  private boolean takesVariable(OptionSpec option) {
    return !option.usageHelp() && !option.versionHelp();
  }

  private String variableName(OptionSpec option) {
    return prefix + snake(bareName(option));
  }

  /** {@code --retry-initial} without its dashes; no regex, which costs a CLI at start-up. */
  static String bareName(OptionSpec option) {
    String name = option.longestName();
    int start = 0;
    while (start < name.length() && name.charAt(start) == '-') {
      start++;
    }
    return name.substring(start);
  }

  private static String snake(String name) {
    return name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static Optional<String> closest(String name, Iterable<String> candidates) {
    String best = null;
    int bestDistance = 3; // only suggest near misses
    for (String candidate : candidates) {
      int d = editDistance(name, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
