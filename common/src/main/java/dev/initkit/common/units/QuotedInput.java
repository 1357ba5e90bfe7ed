package dev.initkit.common.units;

/** Shows a user's input inside a one-line error message. */
final class QuotedInput {
  // Long enough for any sensible value, short enough to keep the message on one screen line.
  private static final int MAX_SHOWN = 40;

  private QuotedInput() {}

  /**
   * The input in single quotes, with control characters escaped so that a value from an environment
   * variable (often ending in a newline) cannot break the message into lines.
   */
  static String of(String input) {
    StringBuilder shown = new StringBuilder("'");
    int end = Math.min(input.length(), MAX_SHOWN);
    for (int i = 0; i < end; i++) {
      char c = input.charAt(i);
      switch (c) {
        case '\n' -> shown.append("\\n");
        case '\r' -> shown.append("\\r");
        case '\t' -> shown.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            shown.append(String.format("\\u%04x", (int) c));
          } else {
            shown.append(c);
          }
        }
      }
    }
    if (input.length() > MAX_SHOWN) {
      shown.append("...");
    }
    return shown.append('\'').toString();
  }
}
