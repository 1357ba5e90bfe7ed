package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.initkit.common.testkit.JsonSchemas;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --init-sql against a real PostgreSQL: one server for the class, one database per test. */
class PostgresInitSqlIT {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final String LOCK_KEY = "29676271758436724";

  @TempDir static Path serverDir;
  static PostgresServer server;

  @TempDir Path dir;
  Path scripts;
  String database;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start(serverDir);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void freshDatabase() throws Exception {
    database = "init" + DATABASES.incrementAndGet();
    server.execute("postgres", "CREATE DATABASE " + database + " OWNER " + PostgresServer.USER);
    scripts = Files.createDirectory(dir.resolve("scripts"));
  }

  private String[] args() {
    return args("1m");
  }

  private String[] args(String timeout) {
    return new String[] {
      server.url(database),
      "--user",
      PostgresServer.USER,
      "--password",
      PostgresServer.PASSWORD,
      "--init-sql",
      scripts.toString(),
      "--termination-log",
      dir.resolve("termination").toString(),
      "--timeout",
      timeout
    };
  }

  private ToolResult dbWait(String... more) {
    return ToolRun.of(new DbWaitCommand()).args(args()).args(more).run();
  }

  private void script(String name, String sql) throws Exception {
    Files.writeString(scripts.resolve(name), sql);
  }

  private String query(String sql) throws Exception {
    return server.query(database, sql);
  }

  @Test
  void dollarQuotedFunctionAndSemicolonInAStringAreAppliedOnceAndRecorded() throws Exception {
    script(
        "001-schema.sql",
        """
        -- a table; and a function whose body holds semicolons
        CREATE TABLE greeting (id int PRIMARY KEY, text text NOT NULL);
        CREATE FUNCTION shout(t text) RETURNS text AS $body$
        BEGIN
          RETURN upper(t) || '!';  -- a comment; inside the body
        END;
        $body$ LANGUAGE plpgsql;
        """);
    script("002-seed.sql", "INSERT INTO greeting VALUES (1, 'hello; world'), (2, $$it's$$);");
    Path report = dir.resolve("report.json");

    ToolResult first = dbWait("--report", report.toString());

    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stderr())
        .contains("applied init script 001-schema.sql")
        .contains("applied init script 002-seed.sql");
    assertThat(query("SELECT shout(text) FROM greeting WHERE id = 1")).isEqualTo("HELLO; WORLD!");
    assertThat(query("SELECT text FROM greeting WHERE id = 2")).isEqualTo("it's");
    assertThat(
            query(
                "SELECT string_agg(script || ':' || sha256, ',' ORDER BY script) FROM initkit_init_sql"))
        .startsWith("001-schema.sql:")
        .contains(",002-seed.sql:");
    JsonNode target =
        JsonSchemas.assertValid(JsonSchemas.REPORT_V1, Files.readString(report))
            .get("result")
            .get("targets")
            .get(0);
    assertThat(target.get("initScripts").get("applied").asInt()).isEqualTo(2);

    ToolResult again = dbWait("--report", report.toString());

    assertThat(again.exitCode()).as(again.stderr()).isZero();
    assertThat(again.stderr()).doesNotContain("applied init script");
    assertThat(query("SELECT count(*) FROM greeting")).isEqualTo("2");
    JsonNode skipped =
        JsonSchemas.assertValid(JsonSchemas.REPORT_V1, Files.readString(report))
            .get("result")
            .get("targets")
            .get(0)
            .get("initScripts");
    assertThat(skipped.get("applied").asInt()).isZero();
    assertThat(skipped.get("skipped").asInt()).isEqualTo(2);
  }

  @Test
  void failureInTheMiddleRollsTheScriptBackAndTheFixedScriptRunsOnReRun() throws Exception {
    script("001-ok.sql", "CREATE TABLE first (x int);");
    script(
        "002-broken.sql",
        "CREATE TABLE second (x int);\nINSERT INTO second VALUES (1);\nINSERT INTO nosuch VALUES (1);\n");

    ToolResult failed = dbWait();

    assertThat(failed.exitCode()).as(failed.stderr()).isEqualTo(1);
    assertThat(failed.stderr())
        .contains("init script 002-broken.sql failed at the statement on line 3")
        .contains("42P01")
        .contains("rolled back and not recorded");
    assertThat(dir.resolve("termination")).content().contains("002-broken.sql");
    assertThat(query("SELECT to_regclass('second') IS NULL")).isEqualTo("t");
    assertThat(query("SELECT string_agg(script, ',') FROM initkit_init_sql"))
        .isEqualTo("001-ok.sql");

    script(
        "002-broken.sql",
        "CREATE TABLE second (x int);\nINSERT INTO second VALUES (1);\nINSERT INTO first VALUES (1);\n");
    ToolResult fixed = dbWait();

    assertThat(fixed.exitCode()).as(fixed.stderr()).isZero();
    assertThat(fixed.stderr())
        .doesNotContain("applied init script 001-ok.sql")
        .contains("applied init script 002-broken.sql");
    assertThat(query("SELECT count(*) FROM second")).isEqualTo("1");
  }

  @Test
  void changedScriptOnReRunExitsOneNamingBothChecksums() throws Exception {
    script("001-schema.sql", "CREATE TABLE t (x int);");
    assertThat(dbWait().exitCode()).isZero();
    String recorded = query("SELECT sha256 FROM initkit_init_sql");

    script("001-schema.sql", "CREATE TABLE t (x bigint);");
    script("002-more.sql", "CREATE TABLE u (x int);");
    ToolResult result = dbWait();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr())
        .contains(
            "init script 001-schema.sql changed since it was applied: recorded sha256 "
                + recorded
                + ", now ")
        .contains("put the change in a new script");
    // Refused before anything ran: the new script did not run either.
    assertThat(query("SELECT to_regclass('u') IS NULL")).isEqualTo("t");
  }

  @Test
  void twoDbWaitsAtOnceApplyEachScriptOnce() throws Exception {
    script("001-count.sql", "CREATE TABLE runs (n int);\nINSERT INTO runs VALUES (1);");
    script("002-count.sql", "INSERT INTO runs VALUES (2);");
    ToolResult result;
    // The test holds the lock, so both runs are seen waiting for it before either goes on.
    try (Connection holder = DriverManager.getConnection(server.url(database) + "?user=postgres");
        Statement statement = holder.createStatement()) {
      statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
      LiveRun first = LiveRun.start(args());
      LiveRun second = LiveRun.start(args());
      first.awaitLog("waiting for the init-sql lock", Duration.ofSeconds(30));
      second.awaitLog("waiting for the init-sql lock", Duration.ofSeconds(30));
      statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
      result = first.await(Duration.ofSeconds(30));
      ToolResult other = second.await(Duration.ofSeconds(30));
      assertThat(other.exitCode()).as(other.stderr()).isZero();
      assertThat(result.stderr() + other.stderr())
          .containsOnlyOnce("applied init script 001-count.sql");
    }
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(query("SELECT string_agg(n::text, ',' ORDER BY n) FROM runs")).isEqualTo("1,2");
  }

  @Test
  void lockHeldPastTheDeadlineExitsThree() throws Exception {
    script("001.sql", "SELECT 1;");
    try (Connection holder = DriverManager.getConnection(server.url(database) + "?user=postgres");
        Statement statement = holder.createStatement()) {
      statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
      ToolResult result = ToolRun.of(new DbWaitCommand()).args(args("2s")).run();

      assertThat(result.exitCode()).as(result.stderr()).isEqualTo(3);
      assertThat(result.stderr())
          .contains("waiting for the init-sql lock that another session holds");
    }
  }

  @Test
  void scriptsRunAsTheAdminUserWhenGiven() throws Exception {
    script("001.sql", "CREATE TABLE owned (x int);");

    ToolResult result = dbWait("--admin-user", "postgres");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(query("SELECT tableowner FROM pg_tables WHERE tablename = 'owned'"))
        .isEqualTo("postgres");
  }

  @Test
  void unclosedStringIsAUsageErrorBeforeAnythingRuns() throws Exception {
    script("001.sql", "CREATE TABLE t (x int);\nINSERT INTO t VALUES ('oops);");

    ToolResult result = dbWait();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
    assertThat(result.stderr()).contains("--init-sql 001.sql: line 2: string is not closed");
    assertThat(query("SELECT to_regclass('initkit_init_sql') IS NULL")).isEqualTo("t");
  }

  @Test
  void scriptsRunInTheDatabaseThatCreateDatabaseJustMade() throws Exception {
    script("001.sql", "CREATE TABLE made_here (x int);");
    String fresh = database + "_created";

    ToolResult result =
        ToolRun.of(new DbWaitCommand())
            .args(server.url(fresh), "--user", PostgresServer.USER)
            .args("--password", PostgresServer.PASSWORD, "--timeout", "1m")
            .args("--create-database", "--admin-user", "postgres")
            .args("--init-sql", scripts.toString())
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr())
        .contains("created database " + fresh)
        .contains("applied init script 001.sql");
    assertThat(server.query(fresh, "SELECT to_regclass('made_here') IS NOT NULL")).isEqualTo("t");
  }

  @Test
  void connectionLostInTheMiddleOfAScriptIsRetriedAndTheScriptRunsWholeOnce() throws Exception {
    script("001.sql", "CREATE TABLE t (x int);\nSELECT pg_sleep(1);\nINSERT INTO t VALUES (1);\n");
    LiveRun run = LiveRun.start(args());
    // The first run of the script is cut off in its sleep, as a server restart or a failover would.
    String find =
        "SELECT pid FROM pg_stat_activity WHERE datname = '"
            + database
            + "' AND query LIKE '%pg_sleep(1)%' AND application_name = 'db-wait'";
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String pid;
    while ((pid = server.query("postgres", find)) == null) {
      assertThat(System.nanoTime()).as("the script's session never showed up").isLessThan(end);
      Thread.onSpinWait();
    }
    server.execute("postgres", "SELECT pg_terminate_backend(" + pid + ")");

    ToolResult result = run.await(Duration.ofSeconds(30));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).contains("57P01").containsOnlyOnce("applied init script 001.sql");
    assertThat(query("SELECT count(*) FROM t")).isEqualTo("1");
  }
}
