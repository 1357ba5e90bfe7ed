package dev.initkit.dbwait;

import dev.initkit.common.cli.Secret;

/**
 * The libpq variables, honoured for PostgreSQL targets as the last fallback (after the URL and the
 * options), as psql and pg_isready do. Each field is null when its variable is unset or empty.
 */
public record LibpqEnvironment(
    String host, String port, String user, Secret password, String database, String sslMode) {

  public static final LibpqEnvironment NONE =
      new LibpqEnvironment(null, null, null, null, null, null);

  /** Whether the variables name a database by themselves (for a run without targets). */
  public boolean namesADatabase() {
    return host != null || database != null;
  }
}
