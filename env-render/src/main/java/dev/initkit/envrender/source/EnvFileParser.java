package dev.initkit.envrender.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code KEY=VALUE} files for {@code --from-file}: what env-render's {@code shell}, {@code
 * dotenv} and {@code docker} outputs hold, and what people write by hand.
 *
 * <ul>
 *   <li>blank lines and lines starting with {@code #} are skipped; {@code export } before a name is
 *       allowed;
 *   <li>{@code 'single quoted'} values are literal and may span lines; {@code '\''} joins pieces as
 *       in the shell;
 *   <li>{@code "double quoted"} values may span lines and decode {@code \n \r \t \\ \" \$ \`};
 *       another backslash stays as it is;
 *   <li>after a quoted value, only white space and a {@code # comment} may follow;
 *   <li>an unquoted value is the rest of the line, trailing white space removed; a {@code #} in it
 *       is part of the value.
 * </ul>
 */
final class EnvFileParser {
  private final String s;
  private final String origin;
  private final List<String> problems;
  private int pos;
  private int line = 1;

  private EnvFileParser(String text, String origin, List<String> problems) {
    this.s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    this.origin = origin;
    this.problems = problems;
  }

  static Map<String, String> parse(String text, String origin, List<String> problems) {
    return new EnvFileParser(text, origin, problems).entries();
  }

  private Map<String, String> entries() {
    Map<String, String> entries = new LinkedHashMap<>();
    while (pos < s.length()) {
      skipBlanks();
      if (atLineEnd()) {
        endLine();
        continue;
      }
      if (peek() == '#') {
        skipRestOfLine();
        continue;
      }
      int lineOfEntry = line;
      if (s.startsWith("export", pos)
          && pos + 6 < s.length()
          && (s.charAt(pos + 6) == ' ' || s.charAt(pos + 6) == '\t')) {
        pos += 6;
        skipBlanks();
      }
      int keyStart = pos;
      while (pos < s.length() && s.charAt(pos) != '=' && !atLineEnd()) {
        pos++;
      }
      String key = s.substring(keyStart, pos).strip();
      if (peek() != '=' || key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
        problems.add(origin + " line " + lineOfEntry + ": expected KEY=VALUE");
        skipRestOfLine();
        continue;
      }
      pos++; // '='
      String value = value(lineOfEntry);
      if (value == null) {
        skipRestOfLine();
        continue;
      }
      if (entries.containsKey(key)) {
        problems.add(key + " is set twice in " + origin + " (line " + lineOfEntry + ")");
      }
      entries.put(key, value);
    }
    return entries;
  }

  /** The value after '=', or null after reporting a problem. */
  private String value(int lineOfEntry) {
    char first = peek();
    if (first != '\'' && first != '"') {
      int start = pos;
      while (pos < s.length() && !atLineEnd()) {
        pos++;
      }
      String value = s.substring(start, pos).stripTrailing();
      endLine();
      return value;
    }
    StringBuilder value = new StringBuilder();
    while (true) {
      char c = peek();
      if (c == '\'') {
        int close = s.indexOf('\'', pos + 1);
        if (close < 0) {
          return unterminated(lineOfEntry);
        }
        value.append(s, pos + 1, close);
        countLines(pos, close);
        pos = close + 1;
      } else if (c == '"') {
        if (!doubleQuoted(value)) {
          return unterminated(lineOfEntry);
        }
      } else if (c == '\\' && pos + 1 < s.length() && s.charAt(pos + 1) == '\'') {
        value.append('\'');
        pos += 2;
      } else {
        break;
      }
    }
    skipBlanks();
    if (peek() == '#') {
      skipRestOfLine();
      return value.toString();
    }
    if (!atLineEnd()) {
      problems.add(origin + " line " + lineOfEntry + ": unexpected text after the quoted value");
      return null;
    }
    endLine();
    return value.toString();
  }

  private boolean doubleQuoted(StringBuilder value) {
    pos++;
    while (pos < s.length()) {
      char c = s.charAt(pos++);
      if (c == '"') {
        return true;
      }
      if (c == '\n') {
        line++;
      }
      if (c != '\\' || pos >= s.length()) {
        value.append(c);
        continue;
      }
      char e = s.charAt(pos++);
      switch (e) {
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case '\\', '"', '$', '`' -> value.append(e);
        default -> {
          value.append('\\').append(e);
          if (e == '\n') {
            line++;
          }
        }
      }
    }
    return false;
  }

  private String unterminated(int lineOfEntry) {
    problems.add(origin + " line " + lineOfEntry + ": unterminated quoted value");
    pos = s.length();
    return null;
  }

  private void countLines(int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        line++;
      }
    }
  }

  private char peek() {
    return pos < s.length() ? s.charAt(pos) : 0;
  }

  private boolean atLineEnd() {
    if (pos >= s.length()) {
      return true;
    }
    char c = s.charAt(pos);
    return c == '\n' || (c == '\r' && (pos + 1 == s.length() || s.charAt(pos + 1) == '\n'));
  }

  private void endLine() {
    if (pos < s.length() && s.charAt(pos) == '\r') {
      pos++;
    }
    if (pos < s.length() && s.charAt(pos) == '\n') {
      pos++;
      line++;
    }
  }

  private void skipBlanks() {
    while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private void skipRestOfLine() {
    while (pos < s.length() && !atLineEnd()) {
      pos++;
    }
    endLine();
  }
}
