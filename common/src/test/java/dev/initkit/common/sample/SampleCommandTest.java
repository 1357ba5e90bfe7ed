package dev.initkit.common.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.initkit.common.testkit.JsonSchemas;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The common frame end to end, through a tiny tool. */
class SampleCommandTest {
  private static final String TOKEN = "s3cr3t-t0ken";

  @TempDir Path dir;

  private ToolRun sample() {
    return ToolRun.of(new SampleCommand())
        .args("--termination-log", dir.resolve("termination").toString());
  }

  private Path tokenFile() throws IOException {
    return Files.writeString(dir.resolve("token"), TOKEN + "\n");
  }

  @Test
  void environmentVariablesSetOptionsAndListsSplitAsDocumented() throws IOException {
    ToolResult result =
        sample()
            .env("SAMPLE_DEST", dir.resolve("out.txt").toString())
            .env("SAMPLE_NAME", "ada\nlin [3.12,3.14]")
            .env("SAMPLE_STYLE", "polite,loud")
            .run();

    assertThat(result.exitCode()).isZero();
    assertThat(dir.resolve("out.txt")).hasContent("GOOD DAY, ADA\nGOOD DAY, LIN [3.12,3.14]\n");
    try (Stream<Path> entries = Files.list(dir)) {
      // Published through a staging file and a rename: nothing but the result and the lock.
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("out.txt", ".out.txt.initkit-lock");
    }
  }

  @Test
  void commandLineWinsOverEnvironment() {
    ToolResult result =
        sample()
            .args("--dest", dir.resolve("cli.txt").toString(), "--name", "cli")
            .env("SAMPLE_DEST", dir.resolve("env.txt").toString())
            .env("SAMPLE_NAME", "env")
            .run();

    assertThat(result.exitCode()).isZero();
    assertThat(dir.resolve("cli.txt")).hasContent("hello, cli\n");
    assertThat(dir.resolve("env.txt")).doesNotExist();
  }

  @Test
  void succeedsWithExitZeroAndWritesReport() throws IOException {
    Path report = dir.resolve("report.json");
    ToolResult result =
        sample()
            .args("--dest", dir.resolve("out.txt").toString(), "--name", "ada")
            .args("--token-file", tokenFile().toString(), "--report", report.toString())
            .run();

    assertThat(result.exitCode()).isZero();
    JsonNode json = JsonSchemas.assertValid(JsonSchemas.REPORT_V1, Files.readString(report));
    assertThat(json.get("status").asText()).isEqualTo("ok");
    assertThat(json.get("result").get("names").get(0).asText()).isEqualTo("ada");
    assertThat(dir.resolve("termination")).doesNotExist();
    // The main container, another uid, reads it.
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void permanentFailureExitsOneAndNeverShowsTheSecret() throws IOException {
    Path report = dir.resolve("report.json");
    ToolResult result =
        sample()
            .args("--simulate", "failure", "--token-file", tokenFile().toString())
            .args("--report", report.toString())
            .run();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("failed (permanent): the server refused token ***")
        .doesNotContain(TOKEN);
    assertThat(Files.readString(dir.resolve("termination")))
        .contains("refused token ***")
        .doesNotContain(TOKEN);
    assertThat(Files.readString(report)).contains("\"status\":\"failed\"").doesNotContain(TOKEN);
  }

  @Test
  void transientFailuresAreRetriedUntilTheDeadlineThenExitThree() {
    ToolResult result =
        sample()
            .args("--simulate", "timeout", "--token", TOKEN, "--timeout", "300ms")
            .args("--retry-initial", "10ms", "--retry-max-interval", "20ms")
            .run();

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderr())
        .contains("attempt 1 failed (transient: connection refused), retrying in")
        .contains("timed out after 300ms")
        .contains("last cause (transient): connection refused")
        .doesNotContain(TOKEN);
    assertThat(dir.resolve("termination")).content().contains("timed out after 300ms");
  }

  @Test
  void badDurationExitsTwoNamingTheOption() {
    ToolResult result = sample().env("SAMPLE_TIMEOUT", "5x").run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr())
        .contains("environment variable SAMPLE_TIMEOUT (--timeout)")
        .contains("'5x' is not a duration");
  }

  @Test
  void inconsistentRetryOptionsExitTwo() {
    ToolResult result =
        sample()
            .args("--simulate", "timeout", "--retry-initial", "10s", "--retry-max-interval", "1s")
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr())
        .contains("--retry-initial (10s) cannot exceed --retry-max-interval");
  }

  @Test
  void badValueExitsTwoWithOneLineAndWritesNothing() {
    Path report = dir.resolve("report.json");
    ToolResult result =
        sample()
            .args("--simulate", "sometimes", "--dest", dir.resolve("out.txt").toString())
            .args("--report", report.toString())
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderrLines()).hasSize(1);
    assertThat(result.stderr()).contains("--simulate").contains("sometimes").contains("--help");
    assertThat(report).doesNotExist();
    assertThat(dir.resolve("out.txt")).doesNotExist();
    assertThat(dir.resolve("termination")).content().contains("--simulate");
  }

  @Test
  void badValueFromEnvironmentNamesTheVariable() {
    ToolResult result = sample().env("SAMPLE_SIMULATE", "sometimes").run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("environment variable SAMPLE_SIMULATE (--simulate)");
  }

  @Test
  void unknownToolVariableExitsTwoAndSuggestsTheRightName() {
    ToolResult result = sample().env("SAMPLE_DESTT", dir.resolve("x").toString()).run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("SAMPLE_DESTT (did you mean SAMPLE_DEST?)");
  }

  @Test
  void secretAndItsFileTogetherExitTwo() throws IOException {
    ToolResult result =
        sample().args("--token", TOKEN, "--token-file", tokenFile().toString()).run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr())
        .contains("--token and --token-file were both given")
        .doesNotContain(TOKEN);
  }

  @Test
  void unreadableSecretFileExitsTwo() {
    ToolResult result = sample().args("--token-file", dir.resolve("missing").toString()).run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("cannot read --token-file");
  }

  @Test
  void bugExitsOneWithStackTraceButNoSecret() {
    ToolResult result = sample().args("--simulate", "bug", "--token", TOKEN).run();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("unexpected error, a bug in sample")
        .contains("at dev.initkit.common.sample.SampleCommand.execute")
        .doesNotContain(TOKEN);
  }

  @Test
  void expectedFailureHasNoStackTraceUnlessVerbose() {
    ToolResult quiet = sample().args("--simulate", "failure").run();
    ToolResult verbose = sample().args("--simulate", "failure", "--verbose").run();

    assertThat(quiet.stderr()).doesNotContain("\tat ");
    assertThat(verbose.stderr()).contains("\tat dev.initkit.common.sample.SampleCommand");
  }

  @Test
  void jsonLogsMatchTheirSchema() throws IOException {
    ToolResult result =
        sample()
            .env("SAMPLE_LOG_FORMAT", "json")
            .args("--dest", dir.resolve("out.txt").toString(), "--name", "ada")
            .args("--token-file", tokenFile().toString(), "--verbose")
            .run();

    assertThat(result.exitCode()).isZero();
    assertThat(result.stderrLines()).hasSizeGreaterThanOrEqualTo(2);
    for (String line : result.stderrLines()) {
      JsonSchemas.assertValid(JsonSchemas.LOG_V1, line);
    }
    assertThat(result.stderr()).contains("\"tool\":\"sample\"").doesNotContain(TOKEN);
  }

  @Test
  void jsonErrorLinesMatchTheirSchemaToo() {
    ToolResult result =
        sample().args("--log-format", "json", "--simulate", "bug", "--token", TOKEN).run();

    assertThat(result.exitCode()).isEqualTo(1);
    for (String line : result.stderrLines()) {
      JsonNode json = JsonSchemas.assertValid(JsonSchemas.LOG_V1, line);
      assertThat(json.toString()).doesNotContain(TOKEN);
    }
  }

  @Test
  void quietLogsNothingOnSuccess() {
    ToolResult result = sample().args("--quiet").run();

    assertThat(result.exitCode()).isZero();
    assertThat(result.stderr()).isEmpty();
  }

  @Test
  void helpNamesEachOptionsVariable() {
    ToolResult result = sample().args("--help").run();

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout())
        .contains("env: SAMPLE_DEST")
        .contains("env: SAMPLE_TOKEN_FILE")
        .contains("env: SAMPLE_LOG_FORMAT")
        .doesNotContain("env: SAMPLE_HELP");
  }

  @Test
  void versionShowsVersionAndBuildCommit() {
    ToolResult result = sample().args("--version").run();

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).matches("(?s)sample \\d+\\.\\d+\\.\\d+\\S* \\(commit \\w+\\)\n.*");
  }

  @Test
  void startupLineShowsEffectiveOptionsWithSecretsMasked() {
    ToolResult result =
        sample()
            .args("--token", TOKEN, "--name", "ada", "--dest", dir.resolve("x").toString())
            .args("--style", "loud,polite")
            .run();

    assertThat(result.stderrLines().get(0))
        .contains("started sample")
        .contains("style=\"[loud, polite]\"")
        .contains("token=***")
        .doesNotContain(TOKEN);
  }
}
