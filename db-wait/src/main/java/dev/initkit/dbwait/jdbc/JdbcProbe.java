package dev.initkit.dbwait.jdbc;

import dev.initkit.common.cli.Secret;
import dev.initkit.common.failure.DeadlineExceededException;
import dev.initkit.common.failure.FailureClassifier;
import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.JobFailedException;
import dev.initkit.common.log.Log;
import dev.initkit.common.retry.Deadline;
import dev.initkit.dbwait.probe.DatabaseSetup;
import dev.initkit.dbwait.probe.DatabaseTarget;
import dev.initkit.dbwait.probe.Engine;
import dev.initkit.dbwait.probe.NotReadyException;
import dev.initkit.dbwait.probe.Probe;
import dev.initkit.dbwait.probe.ProbeSuccess;
import dev.initkit.dbwait.probe.SqlChecks;
import dev.initkit.dbwait.probe.Target;
import dev.initkit.dbwait.probe.Timeouts;
import dev.initkit.dbwait.sql.InitSqlResult;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/**
 * One full check of a database: connect with the protocol handshake and the login, run {@code
 * --query}, then the optional {@code --writable} and {@code --until-sql} checks, on a fresh
 * connection each time (a pooled one would hide a restart). With {@code --create-database}, a
 * missing database is created first.
 */
public final class JdbcProbe implements Probe {
  private static final String APPLICATION_NAME = "db-wait";

  private final DatabaseTarget target;
  private final SqlChecks checks;
  private final Driver driver;
  private final SqlFailureClassifier classifier;
  private final DatabaseSetup setup;
  private final Log log;

  public JdbcProbe(DatabaseTarget target, SqlChecks checks, DatabaseSetup setup, Log log) {
    this.target = target;
    this.checks = checks;
    this.setup = setup;
    this.log = log;
    this.driver = driverFor(target.engine());
    this.classifier = new SqlFailureClassifier(target.engine());
  }

  private static Driver driverFor(Engine engine) {
    // The driver itself, not DriverManager: no service-loader scan, and only the driver needed
    // is loaded.
    if (engine == Engine.POSTGRESQL) {
      // Beside the driver's start-up and the first connect, not after them.
      LoginWarmUp.preloadOnce();
      return new org.postgresql.Driver();
    }
    try {
      return new com.mysql.cj.jdbc.Driver();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load MySQL Connector/J", e);
    }
  }

  @Override
  public Target target() {
    return target;
  }

  @Override
  public FailureClassifier classifier() {
    return classifier;
  }

  @Override
  public boolean quickToRetry(Exception failure) {
    return classifier.quickToRetry(failure);
  }

  @Override
  public ProbeSuccess check(Deadline deadline) throws SQLException, NotReadyException, IOException {
    try (Connection connection = connect(deadline)) {
      String version = connection.getMetaData().getDatabaseProductVersion();
      try (Statement statement = statement(connection, deadline)) {
        statement.execute(checks.query());
      }
      if (checks.writable()) {
        checkWritable(connection, deadline);
      }
      if (checks.untilSql() != null) {
        checkUntilSql(connection, deadline);
      }
      return new ProbeSuccess(version);
    }
  }

  private Connection connect(Deadline deadline) throws SQLException, IOException {
    try {
      return open(deadline);
    } catch (SQLException e) {
      if (target.engine() == Engine.POSTGRESQL && classifier.quickToRetry(e)) {
        // Nothing to do until the server listens: ready the first login meanwhile.
        LoginWarmUp.startOnce();
      }
      if (!setup.createDatabase()
          || target.database().isEmpty()
          || !classifier.isUnknownDatabase(e)) {
        throw e;
      }
    }
    createDatabase(deadline);
    return open(deadline);
  }

  private Connection open(Deadline deadline) throws SQLException, IOException {
    Connection connection =
        driver.connect(
            target.jdbcUrl(), properties(deadline, target.user(), target.password().current()));
    if (connection == null) {
      throw new IllegalStateException("the driver did not accept " + target.display());
    }
    return connection;
  }

  /**
   * Runs the {@code --init-sql} scripts not applied yet, as the admin user when one is given, on a
   * connection of its own whose lock wait and statements are bounded by the deadline only: scripts
   * may take longer than {@code --query-timeout}, and waiting for another Pod's scripts too.
   *
   * @throws JobFailedException when a script changed since it was applied, or failed
   * @throws DeadlineExceededException when the deadline passed waiting for another Pod's lock
   */
  public InitSqlResult applyInitScripts(Deadline deadline)
      throws SQLException, IOException, InitkitException {
    String user = adminUser();
    Properties properties = properties(deadline, user, adminPassword());
    if (!target.properties().containsKey("socketTimeout")) {
      long millis = deadline.isLimited() ? deadline.remaining().toMillis() + 5_000 : 0;
      long socketTimeout = target.engine() == Engine.POSTGRESQL ? (millis + 999) / 1000 : millis;
      properties.setProperty(
          "socketTimeout", Long.toString(Math.min(Integer.MAX_VALUE, socketTimeout)));
    }
    Connection connection = driver.connect(target.jdbcUrl(), properties);
    if (connection == null) {
      throw new IllegalStateException("the driver did not accept " + target.display());
    }
    try (connection) {
      return new InitSqlRunner(target, log, deadline).apply(connection, setup.initScripts());
    }
  }

  private String adminUser() {
    return setup.adminUser() != null ? setup.adminUser() : target.user();
  }

  private Secret adminPassword() throws IOException {
    return (setup.adminPassword() != null ? setup.adminPassword() : target.password()).current();
  }

  private void createDatabase(Deadline deadline) throws SQLException, IOException {
    String adminUser = adminUser();
    Secret adminPassword = adminPassword();
    boolean created;
    try {
      created =
          new DatabaseCreator(driver, target)
              .ensure(properties(deadline, adminUser, adminPassword), adminUser);
    } catch (SQLException e) {
      // Keep the codes for the classifier; say whose login or rights failed.
      throw new SQLException(
          "creating database " + target.database() + " as " + adminUser + ": " + e.getMessage(),
          e.getSQLState(),
          e.getErrorCode(),
          e);
    }
    if (created) {
      log.info(
          "created database " + target.database(), "target", target.display(), "as", adminUser);
    }
  }

  private Properties properties(Deadline deadline, String user, Secret password) {
    Properties properties = new Properties();
    properties.putAll(target.properties());
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password.reveal());
    }
    int connectSeconds = Timeouts.seconds(checks.connectTimeout(), deadline);
    int connectMillis = Timeouts.millis(checks.connectTimeout(), deadline);
    int querySeconds = Timeouts.seconds(checks.queryTimeout(), deadline);
    if (target.engine() == Engine.POSTGRESQL) {
      // pgjdbc counts these in seconds; loginTimeout bounds connect, TLS and authentication.
      properties.putIfAbsent("connectTimeout", Integer.toString(connectSeconds));
      properties.putIfAbsent("loginTimeout", Integer.toString(connectSeconds));
      // A hung server (not answering a cancel either) must not hold the attempt forever.
      properties.putIfAbsent("socketTimeout", Integer.toString(connectSeconds + querySeconds));
      properties.putIfAbsent("ApplicationName", APPLICATION_NAME);
      // Sends extra_float_digits and application_name in the startup message instead of two SET
      // queries after the login: two round trips fewer. Servers before 9.0 (2010) would refuse it.
      properties.putIfAbsent("assumeMinServerVersion", "9.0");
    } else {
      // Connector/J counts in milliseconds; connectTimeout covers TCP only, socketTimeout the
      // handshake and the queries.
      properties.putIfAbsent("connectTimeout", Integer.toString(connectMillis));
      properties.putIfAbsent(
          "socketTimeout", Integer.toString(connectMillis + querySeconds * 1000));
      properties.putIfAbsent("connectionAttributes", "program_name:" + APPLICATION_NAME);
    }
    return properties;
  }

  private Statement statement(Connection connection, Deadline deadline) throws SQLException {
    Statement statement = connection.createStatement();
    statement.setQueryTimeout(Timeouts.seconds(checks.queryTimeout(), deadline));
    return statement;
  }

  private void checkWritable(Connection connection, Deadline deadline)
      throws SQLException, NotReadyException {
    try (Statement statement = statement(connection, deadline)) {
      if (target.engine() == Engine.POSTGRESQL) {
        try (ResultSet row =
            statement.executeQuery(
                "SELECT pg_is_in_recovery(), current_setting('transaction_read_only')")) {
          row.next();
          if (row.getBoolean(1)) {
            throw new NotReadyException("the server is a replica in recovery (--writable)");
          }
          if ("on".equals(row.getString(2))) {
            throw new NotReadyException(
                "sessions are read-only: default_transaction_read_only is on (--writable)");
          }
        }
      } else {
        try (ResultSet row = statement.executeQuery("SELECT @@global.read_only")) {
          row.next();
          if (row.getBoolean(1)) {
            throw new NotReadyException("the server is read-only: read_only is on (--writable)");
          }
        }
      }
    }
  }

  private void checkUntilSql(Connection connection, Deadline deadline)
      throws SQLException, NotReadyException {
    try (Statement statement = statement(connection, deadline);
        ResultSet rows = statement.executeQuery(checks.untilSql())) {
      if (!rows.next()) {
        throw new NotReadyException("--until-sql returned no row yet");
      }
      Object value = rows.getObject(1);
      if (!isTrue(value)) {
        throw new NotReadyException("--until-sql returned " + value + ", not true yet");
      }
    } catch (SQLException e) {
      if (classifier.isMissingObject(e)) {
        // The table or column the query reads is created by a migration still to come.
        throw new NotReadyException("--until-sql: " + SqlFailureClassifier.firstLine(e), e);
      }
      throw e;
    }
  }

  /** True, a non-zero number, or a string such as t, true, yes, on, 1. */
  static boolean isTrue(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (value == null) {
      return false;
    }
    String text = value.toString().trim().toLowerCase(Locale.ROOT);
    return text.equals("t")
        || text.equals("true")
        || text.equals("y")
        || text.equals("yes")
        || text.equals("on")
        || text.equals("1");
  }
}
