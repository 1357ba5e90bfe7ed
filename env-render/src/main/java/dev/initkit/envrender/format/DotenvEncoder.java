package dev.initkit.envrender.format;

import java.util.regex.Pattern;

/**
 * A {@code .env} file that python-dotenv ({@code dotenv_values}, {@code load_dotenv}, which expand
 * variables by default) and Node's dotenv both read back exactly.
 *
 * <p>The common ground of the two parsers:
 *
 * <ul>
 *   <li>single quotes hold any text without {@code '} and raw to Node; python-dotenv decodes {@code
 *       \\} and {@code \'} in them, so the value must not hold two backslashes in a row nor end
 *       with one;
 *   <li>double quotes are used when the value holds a {@code '} or a carriage return (both readers
 *       turn a raw carriage return into a newline): Node decodes only {@code \n} and {@code \r} in
 *       them, python-dotenv also {@code \\ \' \" \a \b \f \t \v}, so a raw backslash must not be
 *       followed by any of those, and the value must not hold {@code "};
 *   <li>python-dotenv expands {@code ${NAME}} and {@code ${NAME:-default}} in every value, quoted
 *       or not, and has no escape for it: such a value is refused.
 * </ul>
 *
 * Names are letters, digits, {@code _ . -} (Node's rule).
 */
public final class DotenvEncoder implements EnvEncoder {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  /** python-dotenv's {@code _posix_variable}. */
  private static final Pattern PYTHON_EXPANSION = Pattern.compile("\\$\\{[^}:]*(?::-[^}]*)?\\}");

  private static final String PYTHON_DOUBLE_QUOTE_ESCAPES = "\\'\"abfnrtv";

  @Override
  public String refusal(String key, String value) {
    if (!NAME.matcher(key).matches()) {
      return "dotenv names are letters, digits, '_', '.' and '-'";
    }
    if (value.indexOf('\0') >= 0) {
      return "the value holds a NUL character, which no environment variable can hold";
    }
    if (PYTHON_EXPANSION.matcher(value).find()) {
      return "the value holds ${...}, which python-dotenv expands even in quotes"
          + " (use --format shell, json or properties)";
    }
    if (singleQuotable(value) || doubleQuotable(value)) {
      return null;
    }
    return "no dotenv quoting reads back the same in python-dotenv and Node dotenv"
        + " (the value holds both quote kinds, two backslashes in a row, or a backslash"
        + " before a character python-dotenv decodes); use --format shell, json or properties";
  }

  @Override
  public void appendEntry(StringBuilder out, String key, String value) {
    out.append(key).append('=');
    if (singleQuotable(value)) {
      out.append('\'').append(value).append("'\n");
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    out.append("\"\n");
  }

  static boolean singleQuotable(String value) {
    if (value.indexOf('\'') >= 0 || value.indexOf('\r') >= 0 || value.endsWith("\\")) {
      return false;
    }
    return !value.contains("\\\\");
  }

  static boolean doubleQuotable(String value) {
    if (value.indexOf('"') >= 0) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) != '\\') {
        continue;
      }
      if (i + 1 == value.length()) {
        return false;
      }
      char next = value.charAt(i + 1);
      // A newline or carriage return after it is written as \n or \r: a backslash again.
      if (next == '\n' || next == '\r' || PYTHON_DOUBLE_QUOTE_ESCAPES.indexOf(next) >= 0) {
        return false;
      }
    }
    return true;
  }
}
