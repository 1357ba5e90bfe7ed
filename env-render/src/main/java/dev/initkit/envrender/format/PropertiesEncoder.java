package dev.initkit.envrender.format;

/**
 * Java properties, as {@code Properties.load} (from a stream or a reader) reads them: every special
 * character escaped, everything outside printable ASCII written as a backslash-u escape, so the
 * file reads the same in ISO-8859-1 and UTF-8. Any name and value can be written. Spring reads the
 * same syntax but then resolves {@code ${...}} placeholders in values: see the manual.
 */
public final class PropertiesEncoder implements EnvEncoder {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  @Override
  public String refusal(String key, String value) {
    return null;
  }

  @Override
  public void appendEntry(StringBuilder out, String key, String value) {
    escape(out, key, true);
    out.append('=');
    escape(out, value, false);
    out.append('\n');
  }

  private static void escape(StringBuilder out, String text, boolean key) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\f' -> out.append("\\f");
        case '=', ':', '#', '!' -> out.append('\\').append(c);
        case ' ' -> {
          // Leading white space of a value is skipped by load(); every space in a key ends it.
          if (key || i == 0) {
            out.append('\\');
          }
          out.append(' ');
        }
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append("\\u")
                .append(HEX[(c >> 12) & 0xF])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
