package dev.initkit.depsfetch.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChecksumFileTextTest {
  private static String value(String text) {
    return ChecksumFileText.value(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void bareHex() {
    assertThat(value("ab12cd\n")).isEqualTo("ab12cd");
  }

  @Test
  void hexThenFileNameAsSha256sumWritesIt() {
    assertThat(value("ab12cd  deep-1.0.jar\n")).isEqualTo("ab12cd");
  }

  @Test
  void bsdStyle() {
    assertThat(value("SHA256 (deep-1.0.jar) = ab12cd\n")).isEqualTo("ab12cd");
  }

  @Test
  void firstNonBlankLineAfterBlankOnes() {
    assertThat(value("\r\n  \r\n ab12cd \r\nother\n")).isEqualTo("ab12cd");
  }

  @Test
  void emptyFileGivesNothingToMatch() {
    assertThat(value("")).isEmpty();
  }
}
