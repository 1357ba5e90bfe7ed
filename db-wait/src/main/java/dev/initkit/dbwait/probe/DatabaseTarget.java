package dev.initkit.dbwait.probe;

import java.util.Map;
import java.util.Objects;

/**
 * A database to wait for.
 *
 * @param engine the protocol
 * @param jdbcUrl the URL the driver gets; holds no password (credentials go as properties)
 * @param display the URL without user info, for logs and the report
 * @param user the user name, or null to leave it to the URL or the driver
 * @param password the password, asked on every attempt
 * @param properties further driver properties (such as {@code sslmode}), never secrets
 * @param database the database named in the URL, or empty for the driver's default
 * @param maintenanceUrl the same server's URL for administration: PostgreSQL's {@code postgres}
 *     database, or no database for MySQL; used by {@code --create-database}
 */
public record DatabaseTarget(
    Engine engine,
    String jdbcUrl,
    String display,
    String user,
    PasswordSource password,
    Map<String, String> properties,
    String database,
    String maintenanceUrl)
    implements Target {
  public DatabaseTarget {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(password, "password");
    properties = Map.copyOf(properties);
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(maintenanceUrl, "maintenanceUrl");
  }

  @Override
  public String kind() {
    return engine.label();
  }

  @Override
  public String toString() {
    return display;
  }
}
