package dev.initkit.dbwait.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * What "ready" means for a database, beyond the handshake and the login.
 *
 * @param query run on every attempt; its success is required
 * @param writable whether the server must accept writes (not a replica, not read-only)
 * @param untilSql a query whose first column of the first row must be true, or null
 * @param connectTimeout bounds the connection and the login of one attempt
 * @param queryTimeout bounds each query of one attempt
 */
public record SqlChecks(
    String query,
    boolean writable,
    String untilSql,
    Duration connectTimeout,
    Duration queryTimeout) {
  public SqlChecks {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(queryTimeout, "queryTimeout");
  }
}
