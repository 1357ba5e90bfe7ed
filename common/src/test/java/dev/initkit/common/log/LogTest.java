package dev.initkit.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.log.slf4j.LibraryLogs;
import dev.initkit.common.testkit.JsonSchemas;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Redactor redactor = new Redactor();
  private final Clock clock =
      Clock.fixed(Instant.parse("2026-11-26T10:00:00.123456Z"), ZoneOffset.UTC);

  private Log log(LogFormat format, boolean quiet, boolean verbose) {
    return new Log(
        LogSettings.of("git-fetch", format, quiet, verbose),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        redactor,
        clock);
  }

  private String written() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @AfterEach
  void detachLibraries() {
    LibraryLogs.routeTo(null, false);
  }

  @Test
  void textLineHasTimeLevelToolMessageAndFacts() {
    log(LogFormat.TEXT, false, false)
        .info("cloned https://u:p@h/r", "commit", "1a2b3c4d", "files", 12, "path", "a b");

    assertThat(written())
        .isEqualTo(
            "2026-11-26T10:00:00.123Z INFO  git-fetch cloned https://***@h/r"
                + " commit=1a2b3c4d files=12 path=\"a b\""
                + System.lineSeparator());
  }

  @Test
  void jsonLineMatchesSchemaAndKeepsNumbersTyped() {
    redactor.register("s3cret");
    log(LogFormat.JSON, false, false).warn("retrying with s3cret", "attempt", 3, "token", "s3cret");

    String line = written().strip();
    JsonSchemas.assertValid(JsonSchemas.LOG_V1, line);
    assertThat(line)
        .contains("\"attempt\":3")
        .contains("\"level\":\"warn\"")
        .doesNotContain("s3cret");
  }

  @Test
  void quietHidesInfoAndVerboseShowsDebug() {
    log(LogFormat.TEXT, true, false).info("hidden");
    log(LogFormat.TEXT, false, false).debug("hidden too");
    log(LogFormat.TEXT, false, true).debug("shown");

    assertThat(written()).doesNotContain("hidden").contains("DEBUG git-fetch shown");
  }

  @Test
  void libraryWarningsArriveInTheToolsFormatAndInfoStaysOut() {
    LibraryLogs.routeTo(log(LogFormat.JSON, false, false), false);

    LoggerFactory.getLogger("org.eclipse.jgit.transport.Test").info("chatty {}", 1);
    LoggerFactory.getLogger("org.eclipse.jgit.transport.Test").warn("pack {} is odd", "p1");

    String line = written().strip();
    JsonSchemas.assertValid(JsonSchemas.LOG_V1, line);
    assertThat(line)
        .contains("\"logger\":\"org.eclipse.jgit.transport.Test\"")
        .contains("pack p1 is odd")
        .doesNotContain("chatty");
  }

  @Test
  void libraryDebugArrivesWhenVerbose() {
    LibraryLogs.routeTo(log(LogFormat.TEXT, false, true), true);

    LoggerFactory.getLogger("org.eclipse.aether.Test").debug("resolving {}", "g:a:1");

    assertThat(written()).contains("DEBUG git-fetch [org.eclipse.aether.Test] resolving g:a:1");
  }
}
