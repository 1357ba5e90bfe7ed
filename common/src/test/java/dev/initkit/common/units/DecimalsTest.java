package dev.initkit.common.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Decimals} against {@link BigDecimal}, which it stands in for. */
class DecimalsTest {
  private static final long[] UNITS = {
    1,
    1_000,
    1_024,
    1_000_000,
    1L << 20,
    1_000_000_000,
    1L << 30,
    60_000_000_000L,
    1L << 40,
    3_600_000_000_000L,
    86_400_000_000_000L
  };

  @Test
  void multipliesAsBigDecimalDoesRoundingDown() {
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      String number = randomNumber(random);
      long unit = UNITS[random.nextInt(UNITS.length)];
      BigDecimal exact = new BigDecimal(number).multiply(BigDecimal.valueOf(unit));
      if (exact.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        assertThatExceptionOfType(ArithmeticException.class)
            .as("%s × %d", number, unit)
            .isThrownBy(() -> Decimals.multiplyDown(number, unit));
      } else {
        assertThat(Decimals.multiplyDown(number, unit))
            .as("%s × %d", number, unit)
            .isEqualTo(exact.setScale(0, RoundingMode.DOWN).longValueExact());
      }
    }
  }

  @ParameterizedTest(name = "{0} × {1} = {2}")
  @CsvSource({
    "0, 1000, 0",
    "1.5, 1000, 1500",
    "0.000000001, 1000000000, 1",
    "0.0000000019, 1000000000, 1",
    "0.99999999999999999999999, 1000, 999",
    "0000000000000000000000000007, 1000, 7000",
    "106751.99, 86400000000000, 9223371936000000000",
    "9223372036854775807, 1, 9223372036854775807",
  })
  void multipliesExactly(String number, long unit, long expected) {
    assertThat(Decimals.multiplyDown(number, unit)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} × {1} is too large")
  @CsvSource({
    "9223372036854775808, 1",
    "99999999999999999999999, 1",
    "9223372036854775807.5, 2",
    "106752, 86400000000000",
  })
  void refusesWhatALongCannotHold(String number, long unit) {
    assertThatExceptionOfType(ArithmeticException.class)
        .isThrownBy(() -> Decimals.multiplyDown(number, unit));
  }

  @Test
  void tellsAFractionFromZeros() {
    assertThat(Decimals.hasFraction("1.5")).isTrue();
    assertThat(Decimals.hasFraction("1.0001")).isTrue();
    assertThat(Decimals.hasFraction("1")).isFalse();
    assertThat(Decimals.hasFraction("1.000")).isFalse();
  }

  @Test
  void roundsTenthsHalfUpAsBigDecimalDoes() {
    Random random = new Random(13);
    for (int i = 0; i < 20_000; i++) {
      long value =
          random.nextInt(3) == 0 ? random.nextLong() & Long.MAX_VALUE : random.nextInt(1 << 30);
      long divisor = 1L << (4 + random.nextInt(57));
      long expected =
          BigDecimal.valueOf(value)
              .divide(BigDecimal.valueOf(divisor))
              .setScale(1, RoundingMode.HALF_UP)
              .unscaledValue()
              .longValueExact();
      assertThat(Decimals.tenthsHalfUp(value, divisor))
          .as("%d / %d", value, divisor)
          .isEqualTo(expected);
    }
    assertThat(Decimals.tenthsHalfUp(Long.MAX_VALUE, 1L << 60)).isEqualTo(80);
    assertThat(Decimals.tenthsHalfUp(1_075, 1_000)).isEqualTo(11);
    assertThat(Decimals.tenthsHalfUp(1_049, 1_000)).isEqualTo(10);
  }

  /** Whole numbers of 1-22 digits, half of them with a fraction of 1-25 digits. */
  private static String randomNumber(Random random) {
    String whole = digits(random, 1 + random.nextInt(random.nextBoolean() ? 6 : 22));
    return random.nextBoolean() ? whole : whole + "." + digits(random, 1 + random.nextInt(25));
  }

  private static String digits(Random random, int count) {
    StringBuilder digits = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }
}
