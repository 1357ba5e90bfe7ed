package dev.initkit.common.json;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers and booleans as compact JSON (RFC 8259). Our own, small,
 * because loading a JSON library's classes would cost every tool tens of milliseconds at start-up
 * for a few log lines and one report.
 */
public final class JsonWriter {
  private JsonWriter() {}

  /** The JSON text of {@code value}; maps keep their iteration order. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(128);
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      appendString(out, s);
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Number n) {
      appendNumber(out, n);
    } else if (value instanceof Map<?, ?> map) {
      appendObject(out, map);
    } else if (value instanceof Collection<?> items) {
      appendArray(out, items);
    } else if (value instanceof Instant instant) {
      appendString(out, instant.toString());
    } else {
      appendString(out, value.toString());
    }
  }

  private static void appendNumber(StringBuilder out, Number n) {
    double d = n.doubleValue();
    // JSON has no NaN or infinity.
    out.append(Double.isFinite(d) ? n.toString() : "null");
  }

  private static void appendObject(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      appendString(out, String.valueOf(entry.getKey()));
      out.append(':');
      append(out, entry.getValue());
    }
    out.append('}');
  }

  private static void appendArray(StringBuilder out, Collection<?> items) {
    out.append('[');
    boolean first = true;
    for (Object item : items) {
      if (!first) {
        out.append(',');
      }
      first = false;
      append(out, item);
    }
    out.append(']');
  }

  /** Appends {@code s} as a JSON string literal, quotes included. */
  public static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          // Control characters (DEL too: some readers choke on it), and the line separators
          // that end a line in JavaScript.
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
