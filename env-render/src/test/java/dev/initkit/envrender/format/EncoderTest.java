package dev.initkit.envrender.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What each format writes and what it refuses; the round trips through real readers are in
 * ReaderRoundTripIT.
 */
class EncoderTest {
  private static String encode(EnvFormat format, String key, String value, List<String> refusals) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put(key, value);
    return format.encoder().encode(vars, refusals);
  }

  private static String encode(EnvFormat format, String key, String value) {
    List<String> refusals = new ArrayList<>();
    String text = encode(format, key, value, refusals);
    assertThat(refusals).isEmpty();
    return text;
  }

  private static String refusal(EnvFormat format, String key, String value) {
    List<String> refusals = new ArrayList<>();
    encode(format, key, value, refusals);
    assertThat(refusals).hasSize(1);
    assertThat(refusals.get(0)).startsWith(key + ": ").doesNotContain(value);
    return refusals.get(0);
  }

  @Test
  void shellSingleQuotesEverythingAndSplicesSingleQuotes() {
    assertThat(encode(EnvFormat.SHELL, "A", "it's $(id) `id` ${X}\n"))
        .isEqualTo("A='it'\\''s $(id) `id` ${X}\n'\n");
  }

  @Test
  void shellRefusesNulNonNamesAndBashReadOnlyVariables() {
    assertThat(refusal(EnvFormat.SHELL, "A", "x\0y")).contains("NUL");
    assertThat(refusal(EnvFormat.SHELL, "1A", "x")).contains("not a shell variable name");
    assertThat(refusal(EnvFormat.SHELL, "a.b", "x")).contains("not a shell variable name");
    assertThat(refusal(EnvFormat.SHELL, "SHELLOPTS", "x")).contains("read-only");
  }

  @Test
  void dockerWritesTheRawValueAndRefusesWhatItsLineReaderLoses() {
    assertThat(encode(EnvFormat.DOCKER, "A", " 'quoted' # not a comment "))
        .isEqualTo("A= 'quoted' # not a comment \n");
    assertThat(refusal(EnvFormat.DOCKER, "A", "two\nlines")).contains("newline");
    assertThat(refusal(EnvFormat.DOCKER, "A", "ends\r")).contains("carriage return");
    assertThat(refusal(EnvFormat.DOCKER, "#A", "x")).contains("comment");
    assertThat(refusal(EnvFormat.DOCKER, "A B", "x")).contains("white space");
    assertThat(refusal(EnvFormat.DOCKER, "A", "x".repeat(70_000))).contains("64 KiB");
  }

  @Test
  void dotenvPicksTheQuotingBothReadersAgreeOn() {
    assertThat(encode(EnvFormat.DOTENV, "A", "a \"b\" # $X `c`\nd"))
        .isEqualTo("A='a \"b\" # $X `c`\nd'\n");
    assertThat(encode(EnvFormat.DOTENV, "A", "it's\r\n")).isEqualTo("A=\"it's\\r\\n\"\n");
  }

  @Test
  void dotenvRefusesWhatTheReadersWouldChange() {
    assertThat(refusal(EnvFormat.DOTENV, "A", "${HOME}")).contains("python-dotenv expands");
    assertThat(refusal(EnvFormat.DOTENV, "A", "'\"")).contains("both quote kinds");
    assertThat(refusal(EnvFormat.DOTENV, "A", "a\\\\b")).contains("two backslashes");
    assertThat(refusal(EnvFormat.DOTENV, "A", "it's a\\tb")).contains("backslash");
    assertThat(refusal(EnvFormat.DOTENV, "A B", "x")).contains("names");
  }

  @Test
  void propertiesEscapesSoBothEncodingsReadTheSame() {
    assertThat(encode(EnvFormat.PROPERTIES, "a b:c", "  x=y#!\\\n\tü"))
        .isEqualTo("a\\ b\\:c=\\  x\\=y\\#\\!\\\\\\n\\t\\u00FC\n");
  }

  @Test
  void jsonEscapesControlCharactersAndLineSeparators() {
    assertThat(encode(EnvFormat.JSON, "A", "\"\\\n\u0001\u2028ü"))
        .isEqualTo("{\n  \"A\": \"\\\"\\\\\\n\\u0001\\u2028ü\"\n}\n");
    assertThat(new JsonEncoder().encode(Map.of(), new ArrayList<>())).isEqualTo("{}\n");
  }

  @Test
  void filesRefusesNamesThatAreNotPlainFileNames() {
    List<String> refusals = new ArrayList<>();
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("ok", "1");
    vars.put("..data", "2");
    vars.put("a/b", "3");
    vars.put("", "4");
    assertThat(new FilesEncoder().encode(vars, refusals)).containsOnlyKeys("ok");
    assertThat(refusals).hasSize(3);
  }
}
