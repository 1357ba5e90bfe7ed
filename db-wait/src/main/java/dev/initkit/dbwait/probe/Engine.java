package dev.initkit.dbwait.probe;

import java.util.Locale;

/** The database protocols db-wait speaks, each through its JDBC driver. */
public enum Engine {
  /** PostgreSQL, through the PostgreSQL JDBC driver. */
  POSTGRESQL("jdbc:postgresql:", 5432),
  /** MySQL and MariaDB, through MySQL Connector/J. */
  MYSQL("jdbc:mysql:", 3306);

  private final String urlPrefix;
  private final int defaultPort;

  Engine(String urlPrefix, int defaultPort) {
    this.urlPrefix = urlPrefix;
    this.defaultPort = defaultPort;
  }

  /** How the driver's URLs start, e.g. {@code jdbc:postgresql:}. */
  public String urlPrefix() {
    return urlPrefix;
  }

  public int defaultPort() {
    return defaultPort;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
