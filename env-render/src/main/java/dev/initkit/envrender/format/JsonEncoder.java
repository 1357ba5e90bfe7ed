package dev.initkit.envrender.format;

import java.util.List;
import java.util.Map;

/** One JSON object of strings (RFC 8259), a key per line. Any name and value can be written. */
public final class JsonEncoder implements EnvEncoder {
  @Override
  public String encode(Map<String, String> variables, List<String> refusals) {
    StringBuilder out = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, String> entry : variables.entrySet()) {
      out.append(first ? "\n  " : ",\n  ");
      first = false;
      appendEntry(out, entry.getKey(), entry.getValue());
    }
    return out.append(first ? "}\n" : "\n}\n").toString();
  }

  @Override
  public String refusal(String key, String value) {
    return null;
  }

  @Override
  public void appendEntry(StringBuilder out, String key, String value) {
    string(out, key);
    out.append(": ");
    string(out, value);
  }

  static void string(StringBuilder out, String s) {
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
          // Control characters, and the separators that end a line in JavaScript.
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
