package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --init-sql against a real MariaDB: one server for the class, one database per test. */
class MariaDbInitSqlIT {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @TempDir static Path serverDir;
  static MariaDbServer server;

  @TempDir Path dir;
  Path scripts;
  String database;

  @BeforeAll
  static void startServer() throws Exception {
    server = MariaDbServer.start(serverDir);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void freshDatabase() throws Exception {
    // The app user has every right on created% databases (see MariaDbServer).
    database = "created_init" + DATABASES.incrementAndGet();
    server.execute("CREATE DATABASE " + database);
    scripts = Files.createDirectory(dir.resolve("scripts"));
  }

  private String[] args() {
    return new String[] {
      server.url(database),
      "--user",
      MariaDbServer.USER,
      "--password",
      MariaDbServer.PASSWORD,
      "--init-sql",
      scripts.toString(),
      "--termination-log",
      dir.resolve("termination").toString(),
      "--timeout",
      "1m"
    };
  }

  private ToolResult dbWait() {
    return ToolRun.of(new DbWaitCommand()).args(args()).run();
  }

  private void script(String name, String sql) throws Exception {
    Files.writeString(scripts.resolve(name), sql);
  }

  private Connection admin() throws Exception {
    return DriverManager.getConnection(
        "jdbc:mysql://127.0.0.1:" + server.port() + "/" + database + "?sslMode=DISABLED",
        MariaDbServer.ADMIN,
        MariaDbServer.ADMIN_PASSWORD);
  }

  private String query(String sql) throws Exception {
    try (Connection connection = admin();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  @Test
  void procedureBetweenDelimiterLinesAndSemicolonInAStringAreAppliedOnce() throws Exception {
    script(
        "001-schema.sql",
        """
        # a table; and a procedure whose body holds semicolons
        CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(100) NOT NULL);
        DELIMITER //
        CREATE PROCEDURE greet(IN n INT)
        BEGIN
          INSERT INTO greeting VALUES (n, 'hello; world');  -- a comment; inside
          INSERT INTO greeting VALUES (n + 1, 'it\\'s; fine');
        END //
        DELIMITER ;
        CALL greet(1);
        """);

    ToolResult first = dbWait();

    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stderr()).contains("applied init script 001-schema.sql");
    assertThat(query("SELECT text FROM greeting WHERE id = 1")).isEqualTo("hello; world");
    assertThat(query("SELECT text FROM greeting WHERE id = 2")).isEqualTo("it's; fine");
    assertThat(query("SELECT script FROM initkit_init_sql")).isEqualTo("001-schema.sql");

    ToolResult again = dbWait();

    assertThat(again.exitCode()).as(again.stderr()).isZero();
    assertThat(again.stderr()).doesNotContain("applied init script");
    assertThat(query("SELECT count(*) FROM greeting")).isEqualTo("2");
  }

  @Test
  void failureInTheMiddleKeepsWhatDdlCommittedAndTheFixedScriptRunsAgain() throws Exception {
    script("001-ok.sql", "CREATE TABLE first (x INT);");
    script(
        "002-broken.sql",
        "CREATE TABLE IF NOT EXISTS second (x INT);\n"
            + "INSERT INTO second VALUES (1);\n"
            + "INSERT INTO nosuch VALUES (1);\n");

    ToolResult failed = dbWait();

    assertThat(failed.exitCode()).as(failed.stderr()).isEqualTo(1);
    assertThat(failed.stderr())
        .contains("init script 002-broken.sql failed at the statement on line 3")
        .contains("1146")
        .contains("not recorded; MySQL kept what the script's DDL committed");
    // As the README says: the DDL before the failure stays, the DML after it is rolled back.
    assertThat(query("SELECT count(*) FROM second")).isEqualTo("0");
    assertThat(query("SELECT group_concat(script) FROM initkit_init_sql")).isEqualTo("001-ok.sql");

    script(
        "002-broken.sql",
        "CREATE TABLE IF NOT EXISTS second (x INT);\n"
            + "INSERT INTO second VALUES (1);\n"
            + "INSERT INTO first VALUES (1);\n");
    ToolResult fixed = dbWait();

    assertThat(fixed.exitCode()).as(fixed.stderr()).isZero();
    assertThat(fixed.stderr()).contains("applied init script 002-broken.sql");
    assertThat(query("SELECT count(*) FROM second")).isEqualTo("1");
  }

  @Test
  void changedScriptOnReRunExitsOneNamingBothChecksums() throws Exception {
    script("001-schema.sql", "CREATE TABLE t (x INT);");
    assertThat(dbWait().exitCode()).isZero();
    String recorded = query("SELECT sha256 FROM initkit_init_sql");

    script("001-schema.sql", "CREATE TABLE t (x BIGINT);");
    ToolResult result = dbWait();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr())
        .contains(
            "init script 001-schema.sql changed since it was applied: recorded sha256 "
                + recorded
                + ", now ");
  }

  @Test
  void twoDbWaitsAtOnceApplyEachScriptOnce() throws Exception {
    script("001-count.sql", "CREATE TABLE runs (n INT);\nINSERT INTO runs VALUES (1);");
    script("002-count.sql", "INSERT INTO runs VALUES (2);");
    String lock = "'initkit_init_sql." + database + "'";
    try (Connection holder = admin();
        Statement statement = holder.createStatement()) {
      // The test holds the lock, so both runs are seen waiting for it before either goes on.
      statement.execute("SELECT GET_LOCK(" + lock + ", 10)");
      LiveRun first = LiveRun.start(args());
      LiveRun second = LiveRun.start(args());
      first.awaitLog("waiting for the init-sql lock", Duration.ofSeconds(30));
      second.awaitLog("waiting for the init-sql lock", Duration.ofSeconds(30));
      statement.execute("SELECT RELEASE_LOCK(" + lock + ")");
      ToolResult one = first.await(Duration.ofSeconds(30));
      ToolResult other = second.await(Duration.ofSeconds(30));

      assertThat(one.exitCode()).as(one.stderr()).isZero();
      assertThat(other.exitCode()).as(other.stderr()).isZero();
      assertThat(one.stderr() + other.stderr())
          .containsOnlyOnce("applied init script 001-count.sql");
    }
    assertThat(query("SELECT group_concat(n ORDER BY n) FROM runs")).isEqualTo("1,2");
  }
}
