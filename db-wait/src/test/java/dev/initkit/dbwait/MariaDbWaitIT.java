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

/** db-wait against a real MariaDB through MySQL Connector/J, one server for the class. */
class MariaDbWaitIT {
  @TempDir static Path serverDir;
  static MariaDbServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = MariaDbServer.start(serverDir);
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
            .args(server.url(), "--user", MariaDbServer.USER)
            .args("--password-file", passwordFile(MariaDbServer.PASSWORD).toString())
            .args("--report", report.toString())
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    JsonNode json = JsonSchemas.assertValid(JsonSchemas.REPORT_V1, Files.readString(report));
    JsonNode target = json.get("result").get("targets").get(0);
    assertThat(target.get("kind").asText()).isEqualTo("mysql");
    assertThat(target.get("serverVersion").asText()).contains("MariaDB");
  }

  @Test
  void mariadbUrlIsAcceptedAndShownAsWritten() throws Exception {
    String url = "jdbc:mariadb://127.0.0.1:" + server.port() + "/" + MariaDbServer.DATABASE;
    ToolResult result =
        dbWait()
            .args(url, "--user", MariaDbServer.USER, "--password", MariaDbServer.PASSWORD)
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).contains(url + " is ready");
  }

  @Test
  void wrongPasswordExitsOneAtOnceAndNeverShowsThePassword() throws Exception {
    String wrong = "wrong-Pa55-" + System.nanoTime();
    Path report = dir.resolve("report.json");
    ToolResult result =
        dbWait()
            .args(server.url(), "--user", MariaDbServer.USER)
            .args("--password-file", passwordFile(wrong).toString())
            .args("--report", report.toString(), "--timeout", "2m")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("attempt 1 failed (permanent: " + server.url() + ": bad credentials (1045")
        .doesNotContain(wrong);
    assertThat(dir.resolve("termination"))
        .content()
        .contains("bad credentials")
        .doesNotContain(wrong);
    assertThat(Files.readString(report)).contains("\"status\":\"failed\"").doesNotContain(wrong);
  }

  @Test
  void unknownDatabaseExitsOneNamingIt() throws Exception {
    ToolResult admin =
        dbWait()
            .args(server.url("nosuchdb"), "--user", MariaDbServer.ADMIN)
            .args("--password", MariaDbServer.ADMIN_PASSWORD)
            .run();
    ToolResult app =
        dbWait()
            .args(server.url("nosuchdb"), "--user", MariaDbServer.USER)
            .args("--password", MariaDbServer.PASSWORD)
            .run();

    assertThat(admin.exitCode()).as(admin.stderr()).isEqualTo(1);
    assertThat(admin.stderr()).contains("the database does not exist (1049");
    // Without rights on it, MySQL does not say whether the database exists.
    assertThat(app.exitCode()).as(app.stderr()).isEqualTo(1);
    assertThat(app.stderr()).contains("the database does not exist or the user may not use it");
  }

  @Test
  void writableWaitsUntilTheServerIsNoLongerReadOnly() throws Exception {
    server.execute("SET GLOBAL read_only = 1");
    try {
      LiveRun run =
          LiveRun.start(
              server.url(),
              "--user",
              MariaDbServer.USER,
              "--password",
              MariaDbServer.PASSWORD,
              "--writable",
              "--timeout",
              "1m");

      run.awaitLog("the server is read-only", Duration.ofSeconds(30));
      server.execute("SET GLOBAL read_only = 0");
      ToolResult result = run.await(Duration.ofSeconds(30));

      assertThat(result.exitCode()).as(result.stderr()).isZero();
    } finally {
      server.execute("SET GLOBAL read_only = 0");
    }
  }

  @Test
  void untilSqlWaitsForTheTableThenForItsValue() throws Exception {
    server.execute("DROP TABLE IF EXISTS appdb.schema_version");
    LiveRun run =
        LiveRun.start(
            server.url(),
            "--user",
            MariaDbServer.USER,
            "--password",
            MariaDbServer.PASSWORD,
            "--until-sql",
            "SELECT max(version) >= 3 FROM schema_version",
            "--timeout",
            "1m");

    run.awaitLog("doesn't exist", Duration.ofSeconds(30));
    server.execute("CREATE TABLE appdb.schema_version (version int)");
    server.execute("INSERT INTO appdb.schema_version VALUES (2)");
    run.awaitLog("--until-sql returned 0, not true yet", Duration.ofSeconds(30));
    server.execute("INSERT INTO appdb.schema_version VALUES (3)");
    ToolResult result = run.await(Duration.ofSeconds(30));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
  }

  @Test
  void serverRestartedInTheMiddleOfTheWaitIsAwaitedAgain() throws Exception {
    server.execute("DROP TABLE IF EXISTS appdb.go");
    server.execute("CREATE TABLE appdb.go (ok boolean)");
    server.execute("INSERT INTO appdb.go VALUES (false)");
    LiveRun run =
        LiveRun.start(
            server.url(),
            "--user",
            MariaDbServer.USER,
            "--password",
            MariaDbServer.PASSWORD,
            "--until-sql",
            "SELECT ok FROM go",
            "--timeout",
            "2m");
    run.awaitLog("not true yet", Duration.ofSeconds(30));

    server.stop();
    run.awaitLog("connection refused", Duration.ofSeconds(30));
    server.startAgain();
    server.execute("UPDATE appdb.go SET ok = true");
    ToolResult result = run.await(Duration.ofSeconds(30));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).contains(server.url() + " is ready");
  }

  @Test
  void createDatabaseMakesTheMissingDatabase() throws Exception {
    server.execute("DROP DATABASE IF EXISTS created_db");
    ToolResult result =
        dbWait()
            .args(server.url("created_db"), "--user", MariaDbServer.USER)
            .args("--password", MariaDbServer.PASSWORD, "--create-database")
            .args("--admin-user", MariaDbServer.ADMIN)
            .args("--admin-password", MariaDbServer.ADMIN_PASSWORD)
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).contains("created database created_db");
  }

  @Test
  void twoDbWaitsCreatingTheSameDatabaseAtOnceBothSucceed() throws Exception {
    server.execute("DROP DATABASE IF EXISTS created_raced");
    String[] args = {
      server.url("created_raced"),
      "--user",
      MariaDbServer.USER,
      "--password",
      MariaDbServer.PASSWORD,
      "--create-database",
      "--admin-user",
      MariaDbServer.ADMIN,
      "--admin-password",
      MariaDbServer.ADMIN_PASSWORD,
      "--timeout",
      "1m"
    };
    LiveRun first = LiveRun.start(args);
    LiveRun second = LiveRun.start(args);
    ToolResult one = first.await(Duration.ofSeconds(60));
    ToolResult two = second.await(Duration.ofSeconds(60));

    assertThat(one.exitCode()).as(one.stderr()).isZero();
    assertThat(two.exitCode()).as(two.stderr()).isZero();
  }
}
