package dev.initkit.common.testkit;

import java.util.Arrays;
import java.util.List;

/** What a tool run returned and printed. */
public record ToolResult(int exitCode, String stdout, String stderr) {
  /** The lines the tool logged to stderr. */
  public List<String> stderrLines() {
    return Arrays.stream(stderr.split("\\R")).filter(line -> !line.isEmpty()).toList();
  }
}
