package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.initkit.common.testkit.JsonSchemas;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
