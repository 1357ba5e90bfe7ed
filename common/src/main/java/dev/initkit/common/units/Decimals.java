package dev.initkit.common.units;

/**
 * Exact arithmetic on the decimal numbers users type ({@code 1.5} in {@code 1.5s} or {@code
 * 1.5MiB}), in {@code long}s. {@link java.math.BigDecimal} would do it, but its first use in a run
 * costs ~12 ms on JDK 25 (the tables its class initializer computes), and every tool parses its
 * {@code --timeout} as it starts.
 */
final class Decimals {
  /** The largest unit {@link #multiplyDown} takes: ten times it plus itself must fit a long. */
  private static final long MAX_UNIT = Long.MAX_VALUE / 11;

  private Decimals() {}

  /**
   * {@code number × unit}, rounded down, for a number of the form {@code digits} or {@code
   * digits.digits}.
   *
   * @throws ArithmeticException if the result does not fit a {@code long}
   */
  static long multiplyDown(String number, long unit) {
    if (unit < 1 || unit > MAX_UNIT) {
      throw new IllegalArgumentException("unit out of range: " + unit);
    }
    int point = number.indexOf('.');
    String whole = point < 0 ? number : number.substring(0, point);
    long product = Math.multiplyExact(parseWhole(whole), unit);
    if (point < 0) {
      return product;
    }
    // floor(0.d1d2…dk × unit), exactly: from the last digit back, each step divides by ten what
    // the digits after it contribute. Rounding down at every step gives the same result as
    // rounding down once, since floor((a + floor(x)) / 10) = floor((a + x) / 10) for an integer a.
    long fraction = 0;
    for (int i = number.length() - 1; i > point; i--) {
      fraction = (digit(number, i) * unit + fraction) / 10;
    }
    return Math.addExact(product, fraction);
  }

  /**
   * Whether the number has a fraction other than zeros: {@code 1.5}, not {@code 1} or {@code 1.0}.
   */
  static boolean hasFraction(String number) {
    int point = number.indexOf('.');
    for (int i = point + 1; point >= 0 && i < number.length(); i++) {
      if (number.charAt(i) != '0') {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code value / divisor} in tenths, rounded half up: 15 for 1,536 / 1,024. The divisor must be
   * even, from 16 (so that the tenths fit a long) to 2^60 (an exbibyte), the value zero or more.
   */
  static long tenthsHalfUp(long value, long divisor) {
    if (divisor < 16 || divisor > 1L << 60 || divisor % 2 != 0 || value < 0) {
      throw new IllegalArgumentException("tenthsHalfUp(" + value + ", " + divisor + ")");
    }
    long remainder = value % divisor;
    // remainder × 10 + divisor / 2 is below 10.5 × 2^60, within an unsigned long.
    return value / divisor * 10 + Long.divideUnsigned(remainder * 10 + divisor / 2, divisor);
  }

  private static long parseWhole(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException tooManyDigits) {
      throw new ArithmeticException("more than a long holds: " + digits);
    }
  }

  private static long digit(String number, int index) {
    char c = number.charAt(index);
    if (c < '0' || c > '9') {
      throw new NumberFormatException("not a decimal number: " + number);
    }
    return c - '0';
  }
}
