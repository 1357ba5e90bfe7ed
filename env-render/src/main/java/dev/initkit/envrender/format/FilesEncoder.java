package dev.initkit.envrender.format;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One file per variable, named after it and holding exactly its value (no newline added), as
 * Kubernetes mounts a Secret. A name must be a plain file name: not empty, no {@code /}, not hidden
 * (readers of such directories skip hidden entries, Kubernetes keeps {@code ..data} there).
 */
public final class FilesEncoder {
  /** The longest file name most Linux file systems take, in bytes. */
  static final int MAX_NAME_BYTES = 255;

  /** Each file's name and text; refusals name the keys that cannot be file names. */
  public Map<String, String> encode(Map<String, String> variables, List<String> refusals) {
    Map<String, String> files = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : variables.entrySet()) {
      String refusal = refusal(entry.getKey());
      if (refusal != null) {
        refusals.add(entry.getKey() + ": " + refusal);
      } else {
        files.put(entry.getKey(), entry.getValue());
      }
    }
    return files;
  }

  static String refusal(String key) {
    if (key.isEmpty() || key.startsWith(".")) {
      return "not a file name for --format files (empty or hidden)";
    }
    if (key.indexOf('/') >= 0 || key.indexOf('\0') >= 0) {
      return "not a file name for --format files (holds '/' or NUL)";
    }
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      return "too long for a file name (255 bytes)";
    }
    return null;
  }
}
