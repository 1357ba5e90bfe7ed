package dev.initkit.dbwait.sql;

import java.util.Objects;

/**
 * One statement of an init script, as the server gets it.
 *
 * @param text the statement without its delimiter, comments and quoting kept as written
 * @param line the line of the script where it starts (1 for the first), for error messages
 */
public record SqlStatement(String text, int line) {
  public SqlStatement {
    Objects.requireNonNull(text, "text");
  }
}
