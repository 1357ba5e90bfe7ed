package dev.initkit.common.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.log.Redactor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminationMessageTest {
  @TempDir Path dir;

  @Test
  void cutsLongMessagesToFourKibOnACharacterBoundary() {
    String message = "é".repeat(3000); // 6000 bytes in UTF-8

    byte[] bytes = TerminationMessage.truncate(message);

    assertThat(bytes.length).isLessThanOrEqualTo(TerminationMessage.MAX_BYTES).isEven();
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("é".repeat(2048));
  }

  @Test
  void writesTheRedactedMessage() throws Exception {
    Redactor redactor = new Redactor();
    redactor.register("pw");
    Path file = dir.resolve("termination-log");

    TerminationMessage.write(file, "login with pw at https://u:pw@h failed", redactor);

    assertThat(Files.readString(file)).isEqualTo("login with *** at https://***@h failed");
  }

  @Test
  void usesTheConfiguredFile() {
    assertThat(TerminationMessage.target(dir.resolve("t"))).contains(dir.resolve("t"));
  }
}
