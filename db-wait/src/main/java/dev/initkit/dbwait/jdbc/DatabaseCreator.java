package dev.initkit.dbwait.jdbc;

import dev.initkit.dbwait.probe.DatabaseTarget;
import dev.initkit.dbwait.probe.Engine;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Creates a target's database when it is missing ({@code --create-database}), through the server's
 * maintenance database. Checks first; another Pod creating it at the same moment counts as success.
 * On PostgreSQL the database is owned by the target's user when the creator is someone else (the
 * creator must be a superuser or a member of that role); on MySQL and MariaDB the user's rights on
 * it are the administrator's business.
 */
final class DatabaseCreator {
  private final Driver driver;
  private final DatabaseTarget target;

  DatabaseCreator(Driver driver, DatabaseTarget target) {
    this.driver = driver;
    this.target = target;
  }

  /**
   * Makes sure the database exists.
   *
   * @param adminProperties the driver properties with the creator's credentials
   * @param adminUser the creator's user name, or null when unknown
   * @return true when this call created it, false when it was there already
   */
  boolean ensure(Properties adminProperties, String adminUser) throws SQLException {
    Connection connection = driver.connect(target.maintenanceUrl(), adminProperties);
    if (connection == null) {
      throw new IllegalStateException("the driver did not accept " + target.display());
    }
    try (connection) {
      if (exists(connection)) {
        return false;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(createStatement(adminUser));
        return true;
      } catch (SQLException e) {
        if (isDuplicate(e)) {
          // Another Pod created it between our check and our CREATE.
          return false;
        }
        throw e;
      }
    }
  }

  private boolean exists(Connection connection) throws SQLException {
    String sql =
        target.engine() == Engine.POSTGRESQL
            ? "SELECT 1 FROM pg_database WHERE datname = ?"
            : "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, target.database());
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  private String createStatement(String adminUser) {
    if (target.engine() == Engine.MYSQL) {
      return "CREATE DATABASE IF NOT EXISTS " + quoteMysql(target.database());
    }
    String sql = "CREATE DATABASE " + quotePostgres(target.database());
    if (target.user() != null && !target.user().equals(adminUser)) {
      sql += " OWNER " + quotePostgres(target.user());
    }
    return sql;
  }

  private boolean isDuplicate(SQLException e) {
    String state = String.valueOf(e.getSQLState());
    if (target.engine() == Engine.POSTGRESQL) {
      // duplicate_database, or the catalog's unique index when both CREATEs raced.
      return state.equals("42P04") || state.equals("23505");
    }
    return e.getErrorCode() == 1007;
  }

  static String quotePostgres(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  static String quoteMysql(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
