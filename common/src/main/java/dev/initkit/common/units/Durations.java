package dev.initkit.common.units;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats durations the way users write them: {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 1h30m}, {@code 2d}.
 *
 * <p>The form is one or more parts, each a number and a unit, with no spaces: {@code ms}, {@code
 * s}, {@code m}, {@code h} or {@code d} (24 hours). Units are lower case (so {@code M} is never
 * mistaken for months or mega), each appears at most once, from the largest to the smallest, and a
 * part may have a fraction ({@code 1.5s}, {@code 0.5h}). A plain {@code 0} is accepted because zero
 * needs no unit; any other number without a unit is rejected, since {@code 30} could mean seconds
 * or milliseconds. Surrounding whitespace is ignored. The longest duration is what fits in a {@code
 * long} of nanoseconds (about 292 years), so every parsed value works with {@link
 * System#nanoTime()} arithmetic; what a part has finer than a nanosecond is dropped.
 */
public final class Durations {
  private static final String FORMS = "use a number with a unit, like 500ms, 30s, 5m or 1h30m";
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final String[] UNITS = {"d", "h", "m", "s", "ms"};
  private static final long[] UNIT_NANOS = {
    86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L
  };

  private Durations() {}

  /**
   * Parses a duration such as {@code 500ms}, {@code 30s} or {@code 1h30m15s}.
   *
   * @throws IllegalArgumentException with a one-line message naming the input and the accepted
   *     forms, if the input is empty, negative, lacks a unit, has an unknown unit, repeats or
   *     misorders units, or is too long
   */
  public static Duration parse(String input) {
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("a duration cannot be empty: " + FORMS);
    }
    String text = input.strip();
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    if (text.startsWith("-")) {
      throw invalid(input, "it cannot be negative");
    }
    if (NUMBER.matcher(text).matches()) {
      throw invalid(
          input, "add a unit, like " + text + "s or " + text + "ms (units: ms, s, m, h, d)");
    }
    Matcher part = PART.matcher(text);
    long nanos = 0;
    int position = 0;
    int previousUnit = -1;
    while (position < text.length()) {
      if (!part.find(position) || part.start() != position) {
        throw invalid(input, FORMS);
      }
      int unit = unitIndex(part.group(2));
      if (unit <= previousUnit) {
        throw invalid(input, "write each unit once, from the largest to the smallest, like 1h30m");
      }
      previousUnit = unit;
      try {
        nanos = Math.addExact(nanos, Decimals.multiplyDown(part.group(1), UNIT_NANOS[unit]));
      } catch (ArithmeticException tooLong) {
        throw invalid(input, "it is too long, the most is about 106751d (292 years)");
      }
      position = part.end();
    }
    return Duration.ofNanos(nanos);
  }

  /**
   * Formats a duration in the form {@link #parse} reads, exactly: {@code 1h30m}, {@code 2.1s},
   * {@code 500ms}, {@code 1.5ms}, {@code 1d2h}, {@code 0s}. Whole days, hours and minutes come
   * first, then seconds with a fraction, trailing zeros dropped; under a second it is milliseconds
   * with a fraction. A negative duration gets a leading {@code -} (which {@link #parse} rejects).
   * For {@code d} within the parsable range, {@code parse(format(d)).equals(d)}.
   */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      return "-" + format(duration.negated());
    }
    if (duration.isZero()) {
      return "0s";
    }
    long seconds = duration.getSeconds();
    int nanos = duration.getNano();
    if (seconds == 0) {
      return decimal(nanos / 1_000_000, nanos % 1_000_000, 6) + "ms";
    }
    StringBuilder text = new StringBuilder();
    appendPart(text, seconds / 86_400, "d");
    appendPart(text, seconds % 86_400 / 3_600, "h");
    appendPart(text, seconds % 3_600 / 60, "m");
    if (seconds % 60 != 0 || nanos != 0) {
      text.append(decimal(seconds % 60, nanos, 9)).append('s');
    }
    return text.toString();
  }

  private static void appendPart(StringBuilder text, long amount, String unit) {
    if (amount != 0) {
      text.append(amount).append(unit);
    }
  }

  /** {@code whole.fraction} with the fraction of {@code digits} digits, trailing zeros dropped. */
  private static String decimal(long whole, long fraction, int digits) {
    if (fraction == 0) {
      return Long.toString(whole);
    }
    String padded = String.format("%0" + digits + "d", fraction).replaceAll("0+$", "");
    return whole + "." + padded;
  }

  private static int unitIndex(String unit) {
    for (int i = 0; i < UNITS.length; i++) {
      if (UNITS[i].equals(unit)) {
        return i;
      }
    }
    throw new IllegalStateException("unit missing from the table: " + unit);
  }

  private static IllegalArgumentException invalid(String input, String advice) {
    return new IllegalArgumentException(QuotedInput.of(input) + " is not a duration: " + advice);
  }
}
