package dev.initkit.dbwait.sql;

import java.util.Objects;

/**
 * One {@code --init-sql} script, read once at the start.
 *
 * @param name the file name, the key of its record in the database (so the same script mounted
 *     elsewhere is still the same script)
 * @param sha256 the SHA-256 of the file's bytes, in lower-case hex
 * @param text the file, decoded as UTF-8, without a byte order mark
 */
public record InitScript(String name, String sha256, String text) {
  public InitScript {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return name;
  }
}
