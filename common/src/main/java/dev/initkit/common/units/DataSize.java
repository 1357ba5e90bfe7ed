package dev.initkit.common.units;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of data in bytes, parsed from what users type: {@code 512KiB}, {@code 10MiB}, {@code
 * 1GiB}, {@code 100B}, and also decimal units {@code 10MB}, {@code 1kB} (powers of 1000) since
 * users type those too.
 *
 * <p>Accepted units, matched without regard to case: {@code B}; binary {@code KiB MiB GiB TiB}
 * (powers of 1024, also in the Kubernetes spelling {@code Ki Mi Gi Ti}); decimal {@code kB MB GB
 * TB} (powers of 1000). The number may have a fraction ({@code 1.5MiB}); the result is rounded down
 * to a whole byte, so a size used as a limit is never larger than what the user wrote. A number of
 * {@code B} must be whole. A plain {@code 0} needs no unit; any other number without a unit is
 * rejected. Bare {@code k}, {@code M}, {@code G} are rejected: in Kubernetes quantities {@code m}
 * means milli, and a size should say whether it counts in 1000s or 1024s.
 *
 * @param bytes the number of bytes, zero or more
 */
public record DataSize(long bytes) implements Comparable<DataSize> {
  private static final String FORMS =
      "use a number with a unit, like 100B, 512KiB, 10MiB or 1GiB (or 10MB for powers of 1000)";
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)([A-Za-z]*)");
  private static final long KIB = 1024;
  private static final Map<String, Long> UNITS =
      Map.ofEntries(
          Map.entry("b", 1L),
          Map.entry("kib", KIB),
          Map.entry("ki", KIB),
          Map.entry("mib", KIB * KIB),
          Map.entry("mi", KIB * KIB),
          Map.entry("gib", KIB * KIB * KIB),
          Map.entry("gi", KIB * KIB * KIB),
          Map.entry("tib", KIB * KIB * KIB * KIB),
          Map.entry("ti", KIB * KIB * KIB * KIB),
          Map.entry("kb", 1_000L),
          Map.entry("mb", 1_000_000L),
          Map.entry("gb", 1_000_000_000L),
          Map.entry("tb", 1_000_000_000_000L));
  private static final String[] BINARY_NAMES = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  public DataSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("a data size cannot be negative: " + bytes + " bytes");
    }
  }

  public static DataSize ofBytes(long bytes) {
    return new DataSize(bytes);
  }

  public static DataSize ofKibibytes(long kibibytes) {
    return new DataSize(Math.multiplyExact(kibibytes, KIB));
  }

  public static DataSize ofMebibytes(long mebibytes) {
    return new DataSize(Math.multiplyExact(mebibytes, KIB * KIB));
  }

  /**
   * Parses a size such as {@code 512KiB}, {@code 10MiB}, {@code 1.5GiB} or {@code 10MB}.
   *
   * @throws IllegalArgumentException with a one-line message naming the input and the accepted
   *     forms, if the input is empty, negative, lacks a unit, has an unknown unit, or is too large
   */
  public static DataSize parse(String input) {
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("a size cannot be empty: " + FORMS);
    }
    String text = input.strip();
    if (text.equals("0")) {
      return new DataSize(0);
    }
    if (text.startsWith("-")) {
      throw invalid(input, "it cannot be negative");
    }
    Matcher matcher = SIZE.matcher(text);
    if (!matcher.matches()) {
      throw invalid(input, FORMS);
    }
    String number = matcher.group(1);
    String unit = matcher.group(2);
    if (unit.isEmpty()) {
      throw invalid(input, "add a unit, like " + number + "B or " + number + "MiB");
    }
    Long unitBytes = UNITS.get(unit.toLowerCase(Locale.ROOT));
    if (unitBytes == null) {
      throw invalid(input, FORMS);
    }
    if (unitBytes == 1 && Decimals.hasFraction(number)) {
      throw invalid(input, "a number of bytes must be whole");
    }
    try {
      return new DataSize(Decimals.multiplyDown(number, unitBytes));
    } catch (ArithmeticException tooLarge) {
      throw invalid(input, "it is too large, the most is about 8EiB");
    }
  }

  /**
   * The size for people, in binary units with at most one decimal: {@code 100 B}, {@code 1 KiB},
   * {@code 12.3 MiB}. Not meant to be parsed back (it has a space and rounds).
   */
  public String format() {
    if (bytes < KIB) {
      return bytes + " B";
    }
    int index = 0;
    long unit = KIB;
    long tenths = Decimals.tenthsHalfUp(bytes, unit);
    // Round first, then move up a unit if rounding reached 1024 (1023.96 KiB shows as 1 MiB).
    while (tenths >= KIB * 10 && index < BINARY_NAMES.length - 1) {
      unit *= KIB;
      index++;
      tenths = Decimals.tenthsHalfUp(bytes, unit);
    }
    String fraction = tenths % 10 == 0 ? "" : "." + tenths % 10;
    return tenths / 10 + fraction + " " + BINARY_NAMES[index];
  }

  /** The same as {@link #format()}, for log lines and messages. */
  @Override
  public String toString() {
    return format();
  }

  @Override
  public int compareTo(DataSize other) {
    return Long.compare(bytes, other.bytes);
  }

  private static IllegalArgumentException invalid(String input, String advice) {
    return new IllegalArgumentException(QuotedInput.of(input) + " is not a size: " + advice);
  }
}
