package dev.initkit.dbwait.sql;

import dev.initkit.dbwait.probe.Engine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits an init script into statements the way {@code psql} and the {@code mysql} client do, so a
 * script that runs there runs here: a delimiter inside a string, a quoted identifier, a comment or
 * a function body does not end a statement.
 *
 * <p>PostgreSQL: {@code ;} ends a statement outside {@code '…'} (doubled quotes; backslash escapes
 * in {@code E'…'}), {@code "…"}, dollar quotes ({@code $$…$$}, {@code $tag$…$tag$}), {@code --} and
 * nested {@code /* … *}{@code /} comments, and parentheses; and, psql's own heuristic, outside a
 * {@code BEGIN … END} (with {@code CASE … END} inside) of a statement that starts with {@code
 * CREATE [OR REPLACE] FUNCTION|PROCEDURE}, for SQL-standard bodies ({@code BEGIN ATOMIC}).
 *
 * <p>MySQL and MariaDB: the delimiter ({@code ;} until a {@code DELIMITER} line changes it, as in
 * the {@code mysql} client) ends a statement outside {@code '…'} and {@code "…"} (doubled quotes
 * and backslash escapes), {@code `…`}, {@code #} and {@code -- } comments and {@code /* … *}{@code
 * /} comments (not nested).
 *
 * <p>Statements holding only comments and blanks are dropped. A string, identifier or comment left
 * open at the end of the script is an error: the rest of the script would otherwise run as one
 * statement, or not at all.
 */
public final class StatementSplitter {
  private final Engine engine;

  public StatementSplitter(Engine engine) {
    this.engine = engine;
  }

  /**
   * The statements of a script, in order.
   *
   * @throws IllegalArgumentException naming the line, when a string, quoted identifier or comment
   *     is not closed, or a {@code DELIMITER} line names no delimiter
   */
  public List<SqlStatement> split(String script) {
    return new Scan(script).run();
  }

  /** One pass over one script. */
  private final class Scan {
    private final String text;
    private final int[] lineStarts;
    private final List<SqlStatement> statements = new ArrayList<>();
    private String delimiter = ";";
    private int start;
    private int contentStart = -1;
    private int parenDepth;
    private int beginDepth;
    private int words;
    private final char[] leadingWords = new char[4];

    Scan(String text) {
      this.text = text;
      this.lineStarts = lineStarts(text);
    }

    List<SqlStatement> run() {
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (engine == Engine.MYSQL && contentStart < 0 && isDelimiterCommand(i)) {
          i = changeDelimiter(i);
        } else if (isLineComment(i)) {
          i = endOfLine(i);
        } else if (c == '/' && next(i) == '*') {
          i = skipBlockComment(i);
        } else if (atDelimiter(i)) {
          finish(i);
          i += delimiter.length();
          start = i;
        } else {
          i = token(i);
        }
      }
      finish(text.length());
      return statements;
    }

    /** Consumes one token that is not a comment or a delimiter; returns where the next starts. */
    private int token(int i) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        return i + 1;
      }
      markContent(i);
      if (c == '\'') {
        return skipQuoted(i, '\'', engine == Engine.MYSQL, "string");
      }
      if (c == '"') {
        boolean mysql = engine == Engine.MYSQL;
        return skipQuoted(i, '"', mysql, mysql ? "string" : "quoted identifier");
      }
      if (c == '`' && engine == Engine.MYSQL) {
        return skipQuoted(i, '`', false, "quoted identifier");
      }
      if (engine == Engine.POSTGRESQL) {
        if (c == '$' && !isWordChar(previous(i))) {
          int end = skipDollarQuoted(i);
          if (end >= 0) {
            return end;
          }
        }
        if (c == '(') {
          parenDepth++;
        } else if (c == ')' && parenDepth > 0) {
          parenDepth--;
        }
      }
      if (isWordStart(c) && !isWordChar(previous(i))) {
        return word(i);
      }
      return i + 1;
    }

    private int word(int i) {
      int end = i;
      while (end < text.length() && isWordChar(text.charAt(end))) {
        end++;
      }
      String word = text.substring(i, end).toLowerCase(Locale.ROOT);
      if (engine == Engine.POSTGRESQL) {
        if (word.equals("e") && end < text.length() && text.charAt(end) == '\'') {
          // E'…': the one PostgreSQL string where a backslash escapes the quote.
          return skipQuoted(end, '\'', true, "string");
        }
        countBlocks(word);
      }
      return end;
    }

    /**
     * psql's heuristic (psqlscan.l) for SQL-standard function bodies: in a statement that starts
     * with CREATE [OR REPLACE] FUNCTION|PROCEDURE, outside parentheses, BEGIN opens a block, CASE
     * opens one inside a block, and END closes one; a delimiter inside a block does not count.
     */
    private void countBlocks(String word) {
      if (words < leadingWords.length) {
        leadingWords[words] =
            switch (word) {
              case "create", "function", "procedure", "or", "replace" -> word.charAt(0);
              default -> 0;
            };
      }
      words++;
      boolean routine =
          leadingWords[0] == 'c'
              && (leadingWords[1] == 'f'
                  || leadingWords[1] == 'p'
                  || (leadingWords[1] == 'o'
                      && leadingWords[2] == 'r'
                      && (leadingWords[3] == 'f' || leadingWords[3] == 'p')));
      if (!routine || parenDepth > 0) {
        return;
      }
      if (word.equals("begin")) {
        beginDepth++;
      } else if (word.equals("case") && beginDepth > 0) {
        beginDepth++;
      } else if (word.equals("end") && beginDepth > 0) {
        beginDepth--;
      }
    }

    private boolean atDelimiter(int i) {
      if (engine == Engine.POSTGRESQL) {
        return text.charAt(i) == ';' && parenDepth == 0 && beginDepth == 0;
      }
      return text.startsWith(delimiter, i);
    }

    private boolean isLineComment(int i) {
      char c = text.charAt(i);
      if (engine == Engine.MYSQL && c == '#') {
        return true;
      }
      if (c != '-' || next(i) != '-') {
        return false;
      }
      // MySQL needs a blank or control character after "--" (so that 1--1 is arithmetic).
      return engine == Engine.POSTGRESQL || i + 2 >= text.length() || text.charAt(i + 2) <= ' ';
    }

    private int endOfLine(int i) {
      int end = text.indexOf('\n', i);
      return end < 0 ? text.length() : end + 1;
    }

    private int skipBlockComment(int open) {
      if (engine == Engine.MYSQL && (charAt(open + 2) == '!' || charAt(open + 2) == '+')) {
        // /*! … */ is run by MySQL (version-gated code), /*+ … */ is an optimizer hint.
        markContent(open);
      }
      int depth = 0;
      int i = open;
      while (i < text.length()) {
        if (text.startsWith("/*", i) && (depth == 0 || engine == Engine.POSTGRESQL)) {
          depth++;
          i += 2;
        } else if (text.startsWith("*/", i)) {
          depth--;
          i += 2;
          if (depth == 0) {
            return i;
          }
        } else {
          i++;
        }
      }
      throw unterminated("comment", open);
    }

    private int skipQuoted(int open, char quote, boolean backslashEscapes, String what) {
      int i = open + 1;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (backslashEscapes && c == '\\') {
          i += 2;
        } else if (c == quote) {
          if (charAt(i + 1) != quote) {
            return i + 1;
          }
          i += 2;
        } else {
          i++;
        }
      }
      throw unterminated(what, open);
    }

    /** The end of a dollar-quoted string starting here, or -1 when the $ starts none ($1). */
    private int skipDollarQuoted(int open) {
      int i = open + 1;
      if (i < text.length() && isWordStart(text.charAt(i))) {
        i++;
        while (i < text.length() && isWordChar(text.charAt(i)) && text.charAt(i) != '$') {
          i++;
        }
      }
      if (charAt(i) != '$') {
        return -1;
      }
      String tag = text.substring(open, i + 1);
      int close = text.indexOf(tag, i + 1);
      if (close < 0) {
        throw unterminated("dollar-quoted string " + tag, open);
      }
      return close + tag.length();
    }

    /** A line "DELIMITER x" of the mysql client, first on its line and before any statement. */
    private boolean isDelimiterCommand(int i) {
      int lineStart = i;
      while (lineStart > 0
          && (text.charAt(lineStart - 1) == ' ' || text.charAt(lineStart - 1) == '\t')) {
        lineStart--;
      }
      if (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
        return false;
      }
      return text.regionMatches(true, i, "delimiter", 0, 9)
          && Character.isWhitespace(charAt(i + 9));
    }

    private int changeDelimiter(int i) {
      int end = endOfLine(i);
      String rest = text.substring(i + 9, end).strip();
      String[] parts = rest.split("\\s+", 2);
      if (parts[0].isEmpty()) {
        throw new IllegalArgumentException(
            "line "
                + lineOf(i)
                + ": DELIMITER names no delimiter: write DELIMITER // or DELIMITER ;");
      }
      delimiter = parts[0];
      start = end;
      return end;
    }

    private void markContent(int i) {
      if (contentStart < 0) {
        contentStart = i;
      }
    }

    private void finish(int end) {
      if (contentStart >= 0) {
        statements.add(new SqlStatement(text.substring(start, end).strip(), lineOf(contentStart)));
      }
      contentStart = -1;
      parenDepth = 0;
      beginDepth = 0;
      words = 0;
      Arrays.fill(leadingWords, (char) 0);
    }

    private IllegalArgumentException unterminated(String what, int open) {
      return new IllegalArgumentException(
          "line " + lineOf(open) + ": " + what + " is not closed before the end of the script");
    }

    private int lineOf(int offset) {
      int found = Arrays.binarySearch(lineStarts, offset);
      return found >= 0 ? found + 1 : -found - 1;
    }

    private char charAt(int i) {
      return i < text.length() ? text.charAt(i) : 0;
    }

    private char next(int i) {
      return charAt(i + 1);
    }

    private char previous(int i) {
      return i > 0 ? text.charAt(i - 1) : 0;
    }
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  /** Letters, digits, _ and $ (PostgreSQL allows $ inside identifiers, MySQL too). */
  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
