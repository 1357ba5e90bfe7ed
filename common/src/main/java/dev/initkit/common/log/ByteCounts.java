package dev.initkit.common.log;

import java.util.Locale;

/** Byte counts for people: {@code 999 B}, {@code 12.3 KiB}, {@code 1.5 GiB}. */
public final class ByteCounts {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private ByteCounts() {}

  public static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
