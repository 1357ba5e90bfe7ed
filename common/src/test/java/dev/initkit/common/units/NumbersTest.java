package dev.initkit.common.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void groupsDigitsAsFormatDoes() {
    Random random = new Random(7);
    long[] fixed = {0, 7, 999, 1000, 10_020, 999_999, 1_000_000, -1234, Long.MAX_VALUE};
    for (long number : fixed) {
      assertThat(Numbers.grouped(number)).isEqualTo(String.format(Locale.ROOT, "%,d", number));
    }
    for (int i = 0; i < 10_000; i++) {
      long number = random.nextLong() >> random.nextInt(63);
      assertThat(Numbers.grouped(number)).isEqualTo(String.format(Locale.ROOT, "%,d", number));
    }
  }

  @Test
  void secondsHaveOneDecimalRoundedHalfUp() {
    assertThat(Numbers.seconds(Duration.ofMillis(0))).isEqualTo("0.0");
    assertThat(Numbers.seconds(Duration.ofMillis(49))).isEqualTo("0.0");
    assertThat(Numbers.seconds(Duration.ofMillis(50))).isEqualTo("0.1");
    assertThat(Numbers.seconds(Duration.ofMillis(1249))).isEqualTo("1.2");
    assertThat(Numbers.seconds(Duration.ofMillis(1250))).isEqualTo("1.3");
    assertThat(Numbers.seconds(Duration.ofMinutes(2))).isEqualTo("120.0");
  }
}
