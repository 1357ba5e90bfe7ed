package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad option value: one clear line, exit 2, and nothing written (not even a report). */
class BadOptionsTest {
  private static final String SECRET = "Hunter2-Pa55";
  private static final String TARGET = "jdbc:postgresql://127.0.0.1:1/app";

  @TempDir Path dir;

  /**
   * db-wait with a short deadline from its variable (an option given on the command line wins), so
   * a bad value that slipped through ends the test quickly instead of waiting 5 minutes.
   */
  private static ToolRun dbWait() {
    return ToolRun.of(new DbWaitCommand()).env("DB_WAIT_TIMEOUT", "1s");
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad("--successes 0 needs at least 1", "--successes must be at least 1", "--successes", "0"),
        bad("--successes not a number", "--successes", "--successes", "many"),
        bad("--timeout not a duration", "'5x' is not a duration", "--timeout", "5x"),
        bad("--timeout negative", "--timeout", "--timeout", "-1s"),
        bad(
            "--connect-timeout zero",
            "--connect-timeout must be more than 0",
            "--connect-timeout",
            "0s"),
        bad(
            "--query-timeout zero",
            "--query-timeout must be more than 0",
            "--query-timeout",
            "0ms"),
        bad("--poll-interval zero", "--poll-interval must be more than 0", "--poll-interval", "0s"),
        bad(
            "--retry-initial over max",
            "cannot exceed --retry-max-interval",
            "--retry-initial",
            "5s"),
        bad("--retry-initial zero", "--retry-initial must be more than 0", "--retry-initial", "0s"),
        bad(
            "--ssl-mode unknown",
            "--ssl-mode 'sometimes' is not a TLS mode",
            "--ssl-mode",
            "sometimes"),
        bad(
            "--ssl-root-cert missing",
            "cannot read --ssl-root-cert",
            "--ssl-root-cert",
            "/nonexistent/ca.pem"),
        bad("--http-status class", "'7xx' is not an HTTP status", "--http-status", "200,7xx"),
        bad("--query empty", "--query is empty", "--query", " "),
        bad("--until-sql empty", "--until-sql is empty", "--until-sql", ""),
        bad(
            "--password-file missing",
            "cannot read --password-file",
            "--password-file",
            "/nonexistent/pw"),
        bad("--log-format unknown", "--log-format", "--log-format", "xml"),
        bad("unknown option", "--no-such-option", "--no-such-option"),
        bad(
            "--admin-user alone",
            "are for --create-database and --init-sql",
            "--admin-user",
            "root"),
        bad(
            "--init-sql missing",
            "--init-sql: /nonexistent/init.sql does not exist",
            "--init-sql",
            "/nonexistent/init.sql"),
        bad(
            "--admin-password-file missing",
            "cannot read --admin-password-file",
            "--create-database",
            "--admin-password-file",
            "/nonexistent/pw"));
  }

  private static Arguments bad(String name, String expected, String... args) {
    return Arguments.of(name, expected, args);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void badOptionValueExitsTwoWithOneLineAndWritesNothing(
      String name, String expected, String[] args) {
    Path report = dir.resolve("report.json");
    ToolResult result =
        dbWait()
            .args("--timeout", "1s")
            .args(TARGET, "--report", report.toString())
            .args("--termination-log", dir.resolve("termination").toString())
            .args(args)
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
    assertThat(result.stderr()).contains(expected);
    assertThat(result.stderrLines().stream().filter(l -> l.contains("ERROR"))).hasSize(1);
    assertThat(result.stderr()).doesNotContain("attempt 1");
    assertThat(report).doesNotExist();
  }

  static Stream<Arguments> badTargets() {
    return Stream.of(
        bad("unknown scheme", "cannot wait for 'redis://cache:6379'", "redis://cache:6379"),
        bad(
            "jdbc without //",
            "expected jdbc:postgresql://host:port/database",
            "jdbc:postgresql:app"),
        bad("tcp without port", "needs a host and a port", "tcp://db"),
        bad("tcp with path", "has a path or query", "tcp://db:5432/x"),
        bad("http with user info", "holds user info", "http://user:" + SECRET + "@web/health"),
        bad("password in user info", "holds a password", "jdbc:mysql://app:" + SECRET + "@db/app"),
        bad(
            "password parameter",
            "holds a password",
            "jdbc:postgresql://db/app?password=" + SECRET),
        bad(
            "parameter without value",
            "a parameter without a value",
            "jdbc:postgresql://db/app?ssl"),
        bad(
            "empty passwordFile parameter",
            "passwordFile= names no file",
            "jdbc:postgresql://db/app?passwordFile="),
        bad(
            "unreadable passwordFile parameter",
            "cannot read passwordFile of jdbc:postgresql://db/app",
            "jdbc:postgresql://db/app?passwordFile=/nonexistent/pw"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTargets")
  void badTargetExitsTwoAndNeverShowsAPasswordInIt(String name, String expected, String[] target) {
    ToolResult result = dbWait().args(target).run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
    assertThat(result.stderr()).contains(expected).doesNotContain(SECRET);
  }

  @Test
  void passwordInUrlVariableIsMaskedInTheStartupLine() {
    ToolResult result =
        dbWait()
            .args("--timeout", "1s")
            .env("DB_WAIT_URL", "jdbc:postgresql://db/app?user=a&password=" + SECRET)
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("password=***").doesNotContain(SECRET);
  }

  @Test
  void noTargetExitsTwo() {
    ToolResult result = dbWait().run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("no target");
  }

  @Test
  void passwordAndPasswordFileTogetherExitTwo() throws Exception {
    Path file = Files.writeString(dir.resolve("pw"), SECRET);
    ToolResult result =
        dbWait()
            .args("--timeout", "1s")
            .args(TARGET, "--password", SECRET, "--password-file", file.toString())
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("were both given").doesNotContain(SECRET);
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badLibpqVariables")
  void badLibpqVariableExitsTwoNamingIt(String variable, String value, String expected) {
    ToolResult result = dbWait().args("--timeout", "1s").args(TARGET).env(variable, value).run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
    assertThat(result.stderr()).contains(expected);
  }

  static Stream<Arguments> badLibpqVariables() {
    return Stream.of(
        Arguments.of("PGSSLMODE", "sometimes", "PGSSLMODE is not a TLS mode"),
        Arguments.of("PGPORT", "x5432", "PGPORT is not a port number"));
  }

  @Test
  void socketDirectoryInPghostExitsTwo() {
    ToolResult result = dbWait().args("--timeout", "1s").env("PGHOST", "/var/run/postgresql").run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("PGHOST is a socket directory");
  }

  @Test
  void badVariableOfTheToolIsNamed() {
    ToolResult result =
        dbWait().args("--timeout", "1s").args(TARGET).env("DB_WAIT_SUCCESSES", "x").run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("environment variable DB_WAIT_SUCCESSES (--successes)");
  }

  @Test
  void misspelledVariableIsRefused() {
    ToolResult result =
        dbWait().args("--timeout", "1s").args(TARGET).env("DB_WAIT_TIMEOUTT", "1s").run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("did you mean DB_WAIT_TIMEOUT");
  }

  private ToolResult withInitSql(String... args) {
    return dbWait()
        .args("--timeout", "1s", "--report", dir.resolve("report.json").toString())
        .args(args)
        .run();
  }

  private void assertUsageError(ToolResult result, String expected) {
    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
    assertThat(result.stderr()).contains(expected).doesNotContain("attempt 1");
    assertThat(dir.resolve("report.json")).doesNotExist();
  }

  @Test
  void initSqlDirectoryWithoutScriptsExitsTwo() throws Exception {
    Path scripts = Files.createDirectory(dir.resolve("scripts"));
    Files.writeString(scripts.resolve("README.txt"), "not a script");

    assertUsageError(withInitSql(TARGET, "--init-sql", scripts.toString()), "holds no *.sql file");
  }

  @Test
  void initSqlScriptsWithTheSameNameExitTwo() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    Files.writeString(a.resolve("001.sql"), "SELECT 1;");
    Files.writeString(b.resolve("001.sql"), "SELECT 2;");

    assertUsageError(
        withInitSql(TARGET, "--init-sql", a.toString(), "--init-sql", b.toString()),
        "two scripts are named 001.sql");
  }

  @Test
  void initSqlThatIsNotUtf8ExitsTwo() throws Exception {
    Path script = Files.write(dir.resolve("latin1.sql"), new byte[] {'S', (byte) 0xE9, ';'});

    assertUsageError(withInitSql(TARGET, "--init-sql", script.toString()), "is not UTF-8");
  }

  @Test
  void initSqlWithAnUnclosedCommentExitsTwoNamingTheScriptAndLine() throws Exception {
    Path script = Files.writeString(dir.resolve("001.sql"), "SELECT 1;\n/* never closed");

    assertUsageError(
        withInitSql(TARGET, "--init-sql", script.toString()),
        "--init-sql 001.sql: line 2: comment is not closed");
  }

  @Test
  void initSqlWithoutADatabaseTargetExitsTwo() throws Exception {
    Path script = Files.writeString(dir.resolve("001.sql"), "SELECT 1;");

    assertUsageError(
        withInitSql("tcp://127.0.0.1:1", "--init-sql", script.toString()),
        "--init-sql needs a database target");
  }

  @Test
  void initSqlOnAMysqlUrlWithoutADatabaseExitsTwo() throws Exception {
    Path script = Files.writeString(dir.resolve("001.sql"), "SELECT 1;");

    assertUsageError(
        withInitSql("jdbc:mysql://127.0.0.1:1", "--init-sql", script.toString()),
        "names no database");
  }
}
