package dev.initkit.envrender.format;

import dev.initkit.common.json.JsonWriter;
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
    JsonWriter.appendString(out, key);
    out.append(": ");
    JsonWriter.appendString(out, value);
  }
}
