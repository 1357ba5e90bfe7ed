package dev.initkit.envrender.format;

import java.util.List;
import java.util.Map;

/**
 * Writes variables in one env-file format so that its reader gets back exactly the values given, or
 * says which variable it cannot hold. Never writes something the reader would read differently.
 */
public interface EnvEncoder {
  /**
   * The file's text, variables in the given order; or, when {@code refusals} grew, nothing usable.
   *
   * @param refusals receives one message per variable the format cannot hold, naming the key (never
   *     the value)
   */
  default String encode(Map<String, String> variables, List<String> refusals) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> entry : variables.entrySet()) {
      String refusal = refusal(entry.getKey(), entry.getValue());
      if (refusal != null) {
        refusals.add(entry.getKey() + ": " + refusal);
      } else if (refusals.isEmpty()) {
        appendEntry(out, entry.getKey(), entry.getValue());
      }
    }
    return out.toString();
  }

  /** Why this format cannot hold {@code key=value} for its reader, or null when it can. */
  String refusal(String key, String value);

  /** Appends one variable; called only when {@link #refusal} returned null. */
  void appendEntry(StringBuilder out, String key, String value);
}
