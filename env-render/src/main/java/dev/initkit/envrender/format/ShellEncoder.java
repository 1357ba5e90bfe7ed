package dev.initkit.envrender.format;

import java.util.Set;

/**
 * {@code KEY='value'} lines, safe to {@code set -a; . file} in bash, dash and busybox sh. Inside
 * single quotes the shell expands nothing ({@code $}, backticks, backslashes, newlines are
 * literal); a single quote is written as {@code '\''}. The shell cannot hold a NUL character, and a
 * name must be a shell variable name that the shell lets a script assign.
 */
public final class ShellEncoder implements EnvEncoder {
  /** Variables bash makes read-only: assigning one stops the sourcing script. */
  private static final Set<String> READ_ONLY =
      Set.of("BASHOPTS", "BASH_VERSINFO", "EUID", "PPID", "SHELLOPTS", "UID");

  @Override
  public String refusal(String key, String value) {
    if (!isShellName(key)) {
      return "not a shell variable name (letters, digits and _, not starting with a digit)";
    }
    if (READ_ONLY.contains(key)) {
      return "read-only in bash: sourcing the file would fail";
    }
    if (value.indexOf('\0') >= 0) {
      return "the value holds a NUL character, which no shell variable can hold";
    }
    return null;
  }

  @Override
  public void appendEntry(StringBuilder out, String key, String value) {
    out.append(key).append("='").append(value.replace("'", "'\\''")).append("'\n");
  }

  static boolean isShellName(String name) {
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c == '_'
          || (c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
