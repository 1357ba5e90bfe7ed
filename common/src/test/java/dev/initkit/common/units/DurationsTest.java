package dev.initkit.common.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} is {1} ms")
  @CsvSource({
    "0, 0",
    "0s, 0",
    "0ms, 0",
    "500ms, 500",
    "30s, 30000",
    "5m, 300000",
    "2h, 7200000",
    "1d, 86400000",
    "1h30m, 5400000",
    "1h30m15s500ms, 5415500",
    "1d1h1m1s1ms, 90061001",
    "1h15s, 3615000",
    "1.5s, 1500",
    "0.5h, 1800000",
    "90s, 90000",
    "'  30s ', 30000",
    "007s, 7000",
  })
  void parsesWhatUsersWrite(String input, long millis) {
    assertThat(Durations.parse(input)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void parsesFractionsOfAMillisecondToTheNanosecond() {
    assertThat(Durations.parse("1.5ms")).isEqualTo(Duration.ofNanos(1_500_000));
    assertThat(Durations.parse("0.000000001s")).isEqualTo(Duration.ofNanos(1));
  }

  @Test
  void parsesTheLongestDurationThatFitsInNanoseconds() {
    assertThat(Durations.parse("106751d")).isEqualTo(Duration.ofDays(106751));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "5x", "1y", "5S", "5M", "1H", "30 s", "1h 30m", "s", "ms", "abc", "1.s", ".5s", "1,5s",
        "5s5", "30sec", "1h30", "+5s", "5s!", "0x10s", "1e3s", "٣s", "NaN", "∞"
      })
  void rejectsGarbageNamingTheInputAndTheAcceptedForms(String input) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse(input))
        .withMessage(
            "'"
                + input
                + "' is not a duration: use a number with a unit, like 500ms, 30s, 5m or 1h30m");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"-5s", "-0", "-1h30m"})
  void rejectsNegatives(String input) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse(input))
        .withMessage("'" + input + "' is not a duration: it cannot be negative");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"30", "1", "1.5", "00"})
  void rejectsANumberWithoutAUnitSuggestingOne(String input) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse(input))
        .withMessage(
            "'%s' is not a duration: add a unit, like %ss or %sms (units: ms, s, m, h, d)",
            input, input, input);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"5m1h", "30s30s", "1s1m", "500ms1s", "1m1m"})
  void rejectsRepeatedOrMisorderedUnits(String input) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse(input))
        .withMessageContaining("write each unit once, from the largest to the smallest");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"106752d", "9999999999999999999999h", "2562048h", "9223372037s"})
  void rejectsOverflow(String input) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse(input))
        .withMessage(
            "'"
                + input
                + "' is not a duration: it is too long, the most is about 106751d (292 years)");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", " ", "\n"})
  void rejectsEmpty(String input) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse(input))
        .withMessage(
            "a duration cannot be empty: use a number with a unit, like 500ms, 30s, 5m or 1h30m");
  }

  @Test
  void rejectsNull() {
    assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(null));
  }

  @Test
  void errorMessageStaysOnOneLineWhateverTheInput() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse("5x\nlevel=ERROR forged"))
        .withMessageStartingWith("'5x\\nlevel=ERROR forged' is not a duration")
        .withMessageNotContaining("\n");
  }

  @Test
  void errorMessageShortensVeryLongInput() {
    String input = "9".repeat(200) + "x";
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse(input))
        .withMessageStartingWith("'" + "9".repeat(40) + "...' is not a duration");
  }

  @ParameterizedTest(name = "{0} ms formats as {1}")
  @CsvSource({
    "0, 0s",
    "1, 1ms",
    "500, 500ms",
    "1000, 1s",
    "1200, 1.2s",
    "2100, 2.1s",
    "1234, 1.234s",
    "30000, 30s",
    "300000, 5m",
    "5400000, 1h30m",
    "3615000, 1h15s",
    "5415500, 1h30m15.5s",
    "7200000, 2h",
    "86400000, 1d",
    "93600000, 1d2h",
  })
  void formatsCompactly(long millis, String expected) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(expected);
  }

  @Test
  void formatsFractionsBelowAMillisecondExactly() {
    assertThat(Durations.format(Duration.ofNanos(1_500_000))).isEqualTo("1.5ms");
    assertThat(Durations.format(Duration.ofNanos(1))).isEqualTo("0.000001ms");
    assertThat(Durations.format(Duration.ofNanos(1_000_000_001))).isEqualTo("1.000000001s");
  }

  @Test
  void formatsNegativesWithALeadingMinus() {
    assertThat(Durations.format(Duration.ofMillis(-1500))).isEqualTo("-1.5s");
  }

  @ParameterizedTest(name = "{0} ns")
  @ValueSource(
      longs = {
        0,
        1,
        999_999,
        1_000_000,
        1_500_000,
        999_999_999,
        1_000_000_000,
        61_000_000_001L,
        5_415_500_000_000L,
        90_061_001_000_000L,
        Long.MAX_VALUE
      })
  void formatReadsBackAsTheSameDuration(long nanos) {
    Duration duration = Duration.ofNanos(nanos);
    assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
  }
}
