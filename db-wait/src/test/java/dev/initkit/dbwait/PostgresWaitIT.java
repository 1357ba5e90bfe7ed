package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.initkit.common.testkit.JsonSchemas;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** db-wait against a real PostgreSQL, one server for the class. */
class PostgresWaitIT {
  @TempDir static Path serverDir;
  static PostgresServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start(serverDir);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private ToolRun dbWait() {
    return ToolRun.of(new DbWaitCommand())
        .args("--termination-log", dir.resolve("termination").toString());
  }

  private Path passwordFile(String password) throws Exception {
    return Files.writeString(dir.resolve("password"), password + "\n");
  }

  @Test
  void readyDatabaseExitsZeroAndReportsTheServer() throws Exception {
    Path report = dir.resolve("report.json");
    ToolResult result =
        dbWait()
            .args(server.url(), "--user", PostgresServer.USER)
            .args("--password-file", passwordFile(PostgresServer.PASSWORD).toString())
            .args("--report", report.toString())
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).contains(server.url() + " is ready");
    JsonNode json = JsonSchemas.assertValid(JsonSchemas.REPORT_V1, Files.readString(report));
    JsonNode target = json.get("result").get("targets").get(0);
    assertThat(target.get("target").asText()).isEqualTo(server.url());
    assertThat(target.get("kind").asText()).isEqualTo("postgresql");
    assertThat(target.get("status").asText()).isEqualTo("ok");
    assertThat(target.get("attempts").asInt()).isEqualTo(1);
    assertThat(target.get("serverVersion").asText()).startsWith("14.");
    assertThat(dir.resolve("termination")).doesNotExist();
  }

  @Test
  void wrongPasswordExitsOneAtOnceAndNeverShowsThePassword() throws Exception {
    String wrong = "wrong-Pa55-" + System.nanoTime();
    Path report = dir.resolve("report.json");
    ToolResult result =
        dbWait()
            .args(server.url(), "--user", PostgresServer.USER, "--password", wrong)
            .args("--report", report.toString(), "--timeout", "2m")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("attempt 1 failed (permanent: " + server.url() + ": bad credentials (28P01")
        .contains("check --user and --password")
        .doesNotContain(wrong);
    assertThat(dir.resolve("termination"))
        .content()
        .contains(server.url())
        .contains("bad credentials")
        .doesNotContain(wrong);
    String json = Files.readString(report);
    JsonSchemas.assertValid(JsonSchemas.REPORT_V1, json);
    assertThat(json).contains("\"status\":\"failed\"").doesNotContain(wrong);
  }

  @Test
  void wrongPasswordIsRetriedWithRetryPermanentUntilTheDeadline() throws Exception {
    String wrong = "wrong-Pa55-" + System.nanoTime();
    ToolResult result =
        dbWait()
            .args(server.url(), "--user", PostgresServer.USER)
            .args("--password-file", passwordFile(wrong).toString())
            .args("--retry-permanent", "--timeout", "1s")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(3);
    assertThat(result.stderr())
        .contains("attempt 1 failed (permanent: " + server.url() + ": bad credentials")
        .contains("), retrying in")
        .contains("timed out after 1s")
        .doesNotContain(wrong);
  }

  @Test
  void unknownDatabaseExitsOneNamingIt() throws Exception {
    ToolResult result =
        dbWait()
            .args(server.url("nosuchdb"), "--user", PostgresServer.USER)
            .args("--password", PostgresServer.PASSWORD)
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("the database does not exist (3D000").contains("nosuchdb");
    assertThat(dir.resolve("termination")).content().contains(server.url("nosuchdb"));
  }

  @Test
  void untilSqlWaitsForTheTableThenForItsValue() throws Exception {
    server.execute(PostgresServer.DATABASE, "DROP TABLE IF EXISTS schema_version");
    LiveRun run =
        LiveRun.start(
            server.url(),
            "--user",
            PostgresServer.USER,
            "--password",
            PostgresServer.PASSWORD,
            "--until-sql",
            "SELECT max(version) >= 3 FROM schema_version",
            "--timeout",
            "1m");

    run.awaitLog("relation \"schema_version\" does not exist", Duration.ofSeconds(30));
    server.execute(
        PostgresServer.DATABASE,
        "CREATE TABLE schema_version (version int); GRANT SELECT ON schema_version TO app;"
            + " INSERT INTO schema_version VALUES (2)");
    run.awaitLog("--until-sql returned false, not true yet", Duration.ofSeconds(30));
    server.execute(PostgresServer.DATABASE, "INSERT INTO schema_version VALUES (3)");
    ToolResult result = run.await(Duration.ofSeconds(30));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).contains(server.url() + " is ready");
  }

  @Test
  void writableWaitsUntilSessionsMayWrite() throws Exception {
    String readOnly =
        "ALTER DATABASE " + PostgresServer.DATABASE + " SET default_transaction_read_only = ";
    server.execute("postgres", readOnly + "on");
    try {
      LiveRun run =
          LiveRun.start(
              server.url(),
              "--user",
              PostgresServer.USER,
              "--password",
              PostgresServer.PASSWORD,
              "--writable",
              "--timeout",
              "1m");

      run.awaitLog("sessions are read-only", Duration.ofSeconds(30));
      server.execute("postgres", readOnly + "off");
      ToolResult result = run.await(Duration.ofSeconds(30));

      assertThat(result.exitCode()).as(result.stderr()).isZero();
    } finally {
      server.execute("postgres", readOnly + "off");
    }
  }

  @Test
  void serverRestartedInTheMiddleOfTheWaitIsAwaitedAgain() throws Exception {
    server.execute(
        PostgresServer.DATABASE,
        "DROP TABLE IF EXISTS go; CREATE TABLE go (ok boolean); GRANT SELECT ON go TO app;"
            + " INSERT INTO go VALUES (false)");
    LiveRun run =
        LiveRun.start(
            server.url(),
            "--user",
            PostgresServer.USER,
            "--password",
            PostgresServer.PASSWORD,
            "--until-sql",
            "SELECT ok FROM go",
            "--timeout",
            "2m");
    run.awaitLog("not true yet", Duration.ofSeconds(30));

    server.stop();
    run.awaitLog("connection refused", Duration.ofSeconds(30));
    server.startAgain();
    server.execute(PostgresServer.DATABASE, "UPDATE go SET ok = true");
    ToolResult result = run.await(Duration.ofSeconds(30));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).contains(server.url() + " is ready");
  }

  @Test
  void severalTargetsAreAwaitedTogetherAndTheWorstExitCodeWins() throws Exception {
    Path report = dir.resolve("report.json");
    String refused = "tcp://127.0.0.1:" + PostgresServer.freePort();
    String badLogin = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?user=nobody";
    ToolResult result =
        dbWait()
            .args(server.url(), refused, "--url", badLogin)
            .args("--user", PostgresServer.USER, "--password", PostgresServer.PASSWORD)
            .args("--timeout", "1s", "--report", report.toString())
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    JsonNode targets =
        JsonSchemas.assertValid(JsonSchemas.REPORT_V1, Files.readString(report))
            .get("result")
            .get("targets");
    assertThat(targets.get(0).get("status").asText()).isEqualTo("ok");
    assertThat(targets.get(1).get("status").asText()).isEqualTo("timeout");
    assertThat(targets.get(1).get("lastCause").asText()).contains("connection refused");
    assertThat(targets.get(2).get("status").asText()).isEqualTo("failed");
    assertThat(targets.get(2).get("lastCause").asText()).contains("bad credentials");
    assertThat(dir.resolve("termination"))
        .content()
        .contains(refused)
        .contains("timed out after 1s")
        .contains(badLogin);
  }

  @Test
  void libpqVariablesAreTheLastFallback() throws Exception {
    ToolResult result =
        dbWait()
            .env("PGHOST", "127.0.0.1")
            .env("PGPORT", Integer.toString(server.port()))
            .env("PGUSER", PostgresServer.USER)
            .env("PGPASSWORD", PostgresServer.PASSWORD)
            .env("PGDATABASE", PostgresServer.DATABASE)
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr())
        .contains(server.url() + " is ready")
        .doesNotContain(PostgresServer.PASSWORD);
  }

  @Test
  void optionsWinOverLibpqVariables() throws Exception {
    ToolResult result =
        dbWait()
            .args(server.url(), "--user", PostgresServer.USER)
            .args("--password", PostgresServer.PASSWORD)
            .env("PGUSER", "nobody")
            .env("PGPASSWORD", "not-this-one")
            .env("PGDATABASE", "nosuchdb")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
  }

  @Test
  void createDatabaseMakesTheMissingDatabaseOwnedByTheUser() throws Exception {
    server.execute("postgres", "DROP DATABASE IF EXISTS created_db");
    ToolResult result =
        dbWait()
            .args(server.url("created_db"), "--user", PostgresServer.USER)
            .args("--password", PostgresServer.PASSWORD)
            .args("--create-database", "--admin-user", "postgres")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).contains("created database created_db");
    assertThat(
            server.query(
                "postgres",
                "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'created_db'"))
        .isEqualTo(PostgresServer.USER);
  }

  @Test
  void twoDbWaitsCreatingTheSameDatabaseAtOnceBothSucceed() throws Exception {
    server.execute("postgres", "DROP DATABASE IF EXISTS raced_db");
    String[] args = {
      server.url("raced_db"),
      "--user",
      PostgresServer.USER,
      "--password",
      PostgresServer.PASSWORD,
      "--create-database",
      "--admin-user",
      "postgres",
      "--timeout",
      "1m"
    };
    LiveRun first = LiveRun.start(args);
    LiveRun second = LiveRun.start(args);
    ToolResult one = first.await(Duration.ofSeconds(60));
    ToolResult two = second.await(Duration.ofSeconds(60));

    assertThat(one.exitCode()).as(one.stderr()).isZero();
    assertThat(two.exitCode()).as(two.stderr()).isZero();
    assertThat(
            server.query("postgres", "SELECT count(*) FROM pg_database WHERE datname = 'raced_db'"))
        .isEqualTo("1");
  }

  @Test
  void failingAdminLoginIsNamed() throws Exception {
    ToolResult result =
        dbWait()
            .args(server.url("never_created"), "--user", PostgresServer.USER)
            .args("--password", PostgresServer.PASSWORD)
            .args("--create-database", "--admin-user", "nobody", "--admin-password", "x-Pa55")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("creating database never_created as nobody")
        .contains("bad credentials")
        .doesNotContain("x-Pa55");
  }

  @Test
  void rotatedPasswordFileIsReadAgainOnEachAttempt() throws Exception {
    Path file = passwordFile("old-Pa55-" + System.nanoTime());
    LiveRun run =
        LiveRun.start(
            server.url(),
            "--user",
            PostgresServer.USER,
            "--password-file",
            file.toString(),
            "--retry-permanent",
            "--timeout",
            "1m");

    run.awaitLog("bad credentials", Duration.ofSeconds(30));
    Files.writeString(file, PostgresServer.PASSWORD + "\n");
    ToolResult result = run.await(Duration.ofSeconds(30));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
  }

  @Test
  void successesInARowAreCountedBeforeReady() throws Exception {
    Path report = dir.resolve("report.json");
    ToolResult result =
        dbWait()
            .args(server.url(), "--user", PostgresServer.USER)
            .args("--password", PostgresServer.PASSWORD, "--successes", "3")
            .args("--retry-initial", "10ms", "--retry-max-interval", "20ms")
            .args("--report", report.toString())
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).contains("1 of 3 successful checks in a row");
    JsonNode target =
        JsonSchemas.assertValid(JsonSchemas.REPORT_V1, Files.readString(report))
            .get("result")
            .get("targets")
            .get(0);
    assertThat(target.get("attempts").asInt()).isEqualTo(3);
  }

  @Test
  void queryTheServerRefusesIsPermanent() throws Exception {
    ToolResult result =
        dbWait()
            .args(server.url(), "--user", PostgresServer.USER)
            .args("--password", PostgresServer.PASSWORD, "--query", "SELEC 1")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("(permanent: ").contains("42601");
  }

  @Test
  void targetWithItsOwnPasswordFileLogsInWithItWhileTheOtherUsesTheSharedOne() throws Exception {
    String otherPassword = "other-Pa55-" + System.nanoTime();
    String otherUser = "other" + Math.abs(otherPassword.hashCode());
    server.execute(
        "postgres", "CREATE ROLE " + otherUser + " LOGIN PASSWORD '" + otherPassword + "'");
    Path otherFile = Files.writeString(dir.resolve("other-password"), otherPassword + "\n");
    String other = server.url() + "?user=" + otherUser + "&passwordFile=" + otherFile;

    ToolResult result =
        dbWait()
            .args(server.url(), other, "--user", PostgresServer.USER)
            .args("--password-file", passwordFile(PostgresServer.PASSWORD).toString())
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr())
        .contains(server.url() + "?user=" + otherUser + " is ready")
        .doesNotContain(otherPassword)
        .doesNotContain(PostgresServer.PASSWORD);

    Files.writeString(otherFile, "wrong-" + otherPassword);
    ToolResult wrong =
        dbWait()
            .args(server.url(), other, "--user", PostgresServer.USER)
            .args("--password-file", passwordFile(PostgresServer.PASSWORD).toString())
            .run();

    assertThat(wrong.exitCode()).as(wrong.stderr()).isEqualTo(1);
    assertThat(wrong.stderr())
        .contains(server.url() + " is ready")
        .contains(server.url() + "?user=" + otherUser + ": bad credentials")
        .doesNotContain(otherPassword);
  }
}
