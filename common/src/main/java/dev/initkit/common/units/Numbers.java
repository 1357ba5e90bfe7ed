package dev.initkit.common.units;

import java.time.Duration;

/**
 * Numbers for people, written without {@link java.util.Formatter}: its first use in a run costs ~15
 * ms (its format pattern, and the locale data for grouping and decimals), and a tool's result line
 * is often that first use.
 */
public final class Numbers {
  private Numbers() {}

  /** With a comma between groups of three digits: {@code 10,020}, as {@code %,d} in Locale.ROOT. */
  public static String grouped(long number) {
    String digits = Long.toString(Math.abs(number));
    StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3 + 1);
    if (number < 0) {
      text.append('-');
    }
    int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    text.append(digits, 0, head);
    for (int i = head; i < digits.length(); i += 3) {
      text.append(',').append(digits, i, i + 3);
    }
    return text.toString();
  }

  /** Seconds with one decimal, rounded half up: {@code 1.2} for 1,249 ms, {@code 0.0} for 49 ms. */
  public static String seconds(Duration duration) {
    long tenths = (duration.toMillis() + 50) / 100;
    return tenths / 10 + "." + tenths % 10;
  }
}
