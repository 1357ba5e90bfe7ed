package dev.initkit.dbwait.jdbc;

import dev.initkit.common.failure.DeadlineExceededException;
import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.JobFailedException;
import dev.initkit.common.log.Log;
import dev.initkit.common.retry.Deadline;
import dev.initkit.common.units.Durations;
import dev.initkit.dbwait.probe.DatabaseTarget;
import dev.initkit.dbwait.probe.Engine;
import dev.initkit.dbwait.sql.InitScript;
import dev.initkit.dbwait.sql.InitSqlResult;
import dev.initkit.dbwait.sql.SqlStatement;
import dev.initkit.dbwait.sql.StatementSplitter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@code --init-sql} scripts on one database, each once: under a session-level lock (so
 * Pods starting together take turns, and a Pod that dies releases it with its connection), it reads
 * the records of {@value #TABLE}, refuses a recorded script whose checksum changed, and runs each
 * script not recorded yet, recording it with its checksum.
 *
 * <p>Each script runs in one transaction with its record. On PostgreSQL a failing script is rolled
 * back whole; on MySQL and MariaDB each DDL statement commits what came before it, so what a
 * failing script leaves is what its DDL committed (the README says what the re-run does).
 */
final class InitSqlRunner {
  /** The table of applied scripts, in the target database's default schema. */
  static final String TABLE = "initkit_init_sql";

  /**
   * PostgreSQL's advisory lock key: "initkit" in ASCII. Advisory locks are per database, so Pods
   * working on other databases of the same server do not wait for each other.
   */
  static final long POSTGRES_LOCK_KEY = 0x696e69746b6974L;

  private static final String MYSQL_LOCK_NAME = "LEFT(CONCAT('" + TABLE + ".', DATABASE()), 64)";

  private final DatabaseTarget target;
  private final Log log;
  private final Deadline deadline;

  InitSqlRunner(DatabaseTarget target, Log log, Deadline deadline) {
    this.target = target;
    this.log = log;
    this.deadline = deadline;
  }

  /**
   * Applies what is not applied yet. The connection is the caller's: closing it releases the lock.
   *
   * @throws JobFailedException when a script changed since it was applied, or a statement failed
   *     for a reason of its own (the script needs fixing)
   * @throws DeadlineExceededException when the deadline passed while another session held the lock
   * @throws SQLException when the connection failed, for the Retrier to classify and retry
   */
  InitSqlResult apply(Connection connection, List<InitScript> scripts)
      throws SQLException, InitkitException {
    lock(connection);
    createTable(connection);
    Map<String, String> recorded = recorded(connection);
    // Refuse a changed script before running anything, so nothing runs against a history that
    // differs from the scripts.
    for (InitScript script : scripts) {
      String was = recorded.get(script.name());
      if (was != null && !was.equals(script.sha256())) {
        throw new JobFailedException(
            target.display()
                + ": init script "
                + script.name()
                + " changed since it was applied: recorded sha256 "
                + was
                + ", now "
                + script.sha256()
                + "; an applied script must not change: restore it and put the change in a new"
                + " script");
      }
    }
    int applied = 0;
    for (InitScript script : scripts) {
      if (!recorded.containsKey(script.name())) {
        applyOne(connection, script);
        applied++;
      }
    }
    return new InitSqlResult(applied, scripts.size() - applied);
  }

  private void lock(Connection connection) throws SQLException, DeadlineExceededException {
    if (tryLock(connection, false)) {
      return;
    }
    log.info(
        "waiting for the init-sql lock held by another session",
        "target",
        target.display(),
        "lock",
        target.engine() == Engine.POSTGRESQL
            ? "pg_advisory_lock(" + POSTGRES_LOCK_KEY + ")"
            : "GET_LOCK('" + TABLE + ".<database>')");
    if (!tryLock(connection, true)) {
      throw new DeadlineExceededException(
          target.display()
              + ": timed out after "
              + Durations.format(deadline.timeout())
              + " waiting for the init-sql lock that another session holds: is another db-wait"
              + " stuck in a long script?",
          null);
    }
  }

  /** Takes the lock at once, or with {@code wait} until the deadline; false when not taken. */
  private boolean tryLock(Connection connection, boolean wait) throws SQLException {
    if (target.engine() == Engine.POSTGRESQL) {
      String sql =
          wait
              ? "SELECT pg_advisory_lock(" + POSTGRES_LOCK_KEY + ") IS NOT NULL"
              : "SELECT pg_try_advisory_lock(" + POSTGRES_LOCK_KEY + ")";
      try (Statement statement = connection.createStatement()) {
        statement.setQueryTimeout(wait ? secondsLeft() : 0);
        try (ResultSet row = statement.executeQuery(sql)) {
          row.next();
          return row.getBoolean(1);
        }
      } catch (SQLException e) {
        if (wait && "57014".equals(e.getSQLState())) {
          // query_canceled: our statement timeout, the deadline, ended the wait.
          return false;
        }
        throw e;
      }
    }
    // GET_LOCK waits in whole seconds; 0 answers at once. A year stands for "no deadline".
    int seconds = !wait ? 0 : deadline.isLimited() ? secondsLeft() : 365 * 24 * 3600;
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery("SELECT GET_LOCK(" + MYSQL_LOCK_NAME + ", " + seconds + ")")) {
      row.next();
      return row.getInt(1) == 1;
    }
  }

  private void createTable(Connection connection) throws SQLException {
    String appliedAt =
        target.engine() == Engine.POSTGRESQL
            ? "applied_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP"
            : "applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP";
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (script VARCHAR(255) NOT NULL PRIMARY KEY, sha256 CHAR(64) NOT NULL, "
              + appliedAt
              + ")");
    }
  }

  private static Map<String, String> recorded(Connection connection) throws SQLException {
    Map<String, String> recorded = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT script, sha256 FROM " + TABLE)) {
      while (rows.next()) {
        recorded.put(rows.getString(1), rows.getString(2).trim());
      }
    }
    return recorded;
  }

  private void applyOne(Connection connection, InitScript script)
      throws SQLException, JobFailedException {
    List<SqlStatement> statements = new StatementSplitter(target.engine()).split(script.text());
    long started = System.nanoTime();
    connection.setAutoCommit(false);
    try {
      try (Statement statement = connection.createStatement()) {
        for (SqlStatement sql : statements) {
          statement.setQueryTimeout(secondsLeft());
          try {
            statement.execute(sql.text());
          } catch (SQLException e) {
            throw scriptFault(connection, script, sql, e);
          }
        }
      }
      try (PreparedStatement record =
          connection.prepareStatement("INSERT INTO " + TABLE + " (script, sha256) VALUES (?, ?)")) {
        record.setString(1, script.name());
        record.setString(2, script.sha256());
        record.executeUpdate();
      }
      connection.commit();
    } catch (SQLException | JobFailedException | RuntimeException e) {
      rollbackQuietly(connection);
      throw e;
    }
    connection.setAutoCommit(true);
    log.info(
        "applied init script " + script.name(),
        "target",
        target.display(),
        "statements",
        statements.size(),
        "in",
        Durations.format(
            Duration.ofNanos(System.nanoTime() - started).truncatedTo(ChronoUnit.MILLIS)));
  }

  /**
   * The failure of one statement as the script's own fault, which running again cannot fix; or,
   * thrown as it is, the connection's (retried: nothing was recorded, and the next attempt starts
   * the script again).
   */
  private JobFailedException scriptFault(
      Connection connection, InitScript script, SqlStatement sql, SQLException e)
      throws SQLException {
    String state = String.valueOf(e.getSQLState());
    // 08: the connection broke; 40: deadlock or serialization failure; 57P01-3: server shutting
    // down. A closed connection says the same whatever the code.
    if (state.startsWith("08")
        || state.startsWith("40")
        || state.startsWith("57P0")
        || connection.isClosed()) {
      throw e;
    }
    String left =
        target.engine() == Engine.POSTGRESQL
            ? "rolled back and not recorded: fix the script and run again"
            : "not recorded; MySQL kept what the script's DDL committed before the failure: make"
                + " the script safe to run again (see the README), fix it and run again";
    return new JobFailedException(
        target.display()
            + ": init script "
            + script.name()
            + " failed at the statement on line "
            + sql.line()
            + ": "
            + SqlFailureClassifier.firstLine(e)
            + " ("
            + code(e)
            + "); "
            + left,
        e);
  }

  private String code(SQLException e) {
    return target.engine() == Engine.POSTGRESQL
        ? String.valueOf(e.getSQLState())
        : e.getErrorCode() + "/" + e.getSQLState();
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      if (!connection.isClosed()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException ignored) {
      // The connection is broken; the server rolls back what it had when the session ends.
    }
  }

  /** The seconds left before the deadline, at least 1; 0 (no limit) without a deadline. */
  private int secondsLeft() {
    if (!deadline.isLimited()) {
      return 0;
    }
    long millis = deadline.remaining().toMillis();
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (millis + 999) / 1000));
  }
}
