package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.initkit.common.testkit.JsonSchemas;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TCP and HTTP targets against real loopback servers, names that do not resolve, deadlines. */
class NetworkTargetsTest {
  @TempDir Path dir;

  private HttpServer http;

  @AfterEach
  void stopHttp() {
    if (http != null) {
      http.stop(0);
    }
  }

  private ToolRun dbWait() {
    return ToolRun.of(new DbWaitCommand())
        .args("--termination-log", dir.resolve("termination").toString());
  }

  /** An HTTP server whose /health answers 503 the first {@code failures} times, then 200. */
  private String healthEndpoint(int failures, int finalStatus) throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger calls = new AtomicInteger();
    http.createContext(
        "/health",
        exchange -> {
          int status = calls.incrementAndGet() <= failures ? 503 : finalStatus;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    http.start();
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/health";
  }

  @Test
  void tcpPortThatAcceptsIsReady() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ToolResult result = dbWait().args("tcp://127.0.0.1:" + server.getLocalPort()).run();

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(result.stderr())
          .contains("tcp://127.0.0.1:" + server.getLocalPort() + " is ready");
    }
  }

  @Test
  void nothingListeningUntilTheDeadlineExitsThree() throws Exception {
    String target = "tcp://127.0.0.1:" + PostgresServer.freePort();
    Path report = dir.resolve("report.json");
    ToolResult result =
        dbWait().args(target, "--timeout", "500ms", "--report", report.toString()).run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(3);
    assertThat(result.stderr())
        .contains("timed out after 500ms")
        .contains("connection refused (nothing listens yet)")
        .doesNotContain(": null");
    assertThat(dir.resolve("termination"))
        .content()
        .contains(target)
        .contains("connection refused");
    assertThat(
            JsonSchemas.assertValid(JsonSchemas.REPORT_V1, Files.readString(report))
                .get("status")
                .asText())
        .isEqualTo("timeout");
  }

  @Test
  void databaseNameThatDoesNotResolveIsTransient() {
    ToolResult result =
        dbWait()
            .args("jdbc:postgresql://db-not-there-yet.invalid:5432/app", "--timeout", "500ms")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(3);
    assertThat(result.stderr()).contains("(transient: ").contains("host name not resolvable");
  }

  @Test
  void httpEndpointIsReadyOnceItAnswersTheExpectedStatus() throws Exception {
    String url = healthEndpoint(2, 204);
    ToolResult result = dbWait().args(url, "--timeout", "1m").run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr())
        .contains("attempt 1 failed (transient: " + url + ": HTTP status 503, expected 2xx)")
        .contains(url + " is ready");
  }

  @Test
  void httpStatusOutsideTheExpectedSetAndNotAServerErrorExitsOne() throws Exception {
    String url = healthEndpoint(0, 404);
    ToolResult result = dbWait().args(url, "--http-status", "200").run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("HTTP status 404, expected 200");
  }

  @Test
  void expectedStatusesMayIncludeOthers() throws Exception {
    String url = healthEndpoint(0, 401);
    ToolResult result = dbWait().args("--url", url, "--http-status", "2xx,401").run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
  }

  @Test
  void bareTcpProbeOfTheMysqlPortIsWarnedAbout() {
    ToolResult result = dbWait().args("tcp://127.0.0.1:3306", "--timeout", "100ms").run();

    assertThat(result.stderr()).contains("use a jdbc:mysql:// URL");
  }

  @Test
  void urlVariableTakesOneTargetPerLineAndJsonLogsMatchTheirSchema() throws Exception {
    try (ServerSocket one = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ServerSocket two = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ToolResult result =
          dbWait()
              .env(
                  "DB_WAIT_URL",
                  "tcp://127.0.0.1:"
                      + one.getLocalPort()
                      + "\ntcp://127.0.0.1:"
                      + two.getLocalPort())
              .env("DB_WAIT_LOG_FORMAT", "json")
              .run();

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(result.stderr())
          .contains("tcp://127.0.0.1:" + one.getLocalPort() + " is ready")
          .contains("tcp://127.0.0.1:" + two.getLocalPort() + " is ready");
      for (String line : result.stderrLines()) {
        JsonSchemas.assertValid(JsonSchemas.LOG_V1, line);
      }
    }
  }
}
