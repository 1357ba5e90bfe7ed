package dev.initkit.common.log;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * {@code 2026-11-26T13:07:15.123Z INFO git-fetch cloned … commit=1a2b3c4d}: time, level, tool,
 * message, then key facts in logfmt style (values with spaces or quotes are quoted).
 */
final class TextLineFormatter implements LogLineFormatter {
  /** The longest level name, so that the messages line up. */
  private static final int LEVEL_WIDTH = 5;

  @Override
  public String format(LogEvent event, String stackTrace) {
    StringBuilder line = new StringBuilder(120);
    line.append(DateTimeFormatter.ISO_INSTANT.format(event.time().truncatedTo(ChronoUnit.MILLIS)))
        .append(' ')
        .append(padded(event.level().name(), LEVEL_WIDTH))
        .append(' ')
        .append(event.tool())
        .append(' ');
    if (event.logger() != null) {
      line.append('[').append(event.logger()).append("] ");
    }
    line.append(event.message());
    for (Map.Entry<String, Object> field : event.fields().entrySet()) {
      line.append(' ').append(field.getKey()).append('=').append(quoted(field.getValue()));
    }
    if (stackTrace != null) {
      line.append(System.lineSeparator()).append(stackTrace.stripTrailing());
    }
    return line.toString();
  }

  private static String quoted(Object value) {
    String s = String.valueOf(value);
    if (!s.isEmpty() && s.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '=')) {
      return s;
    }
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }

  /** The text with spaces after it up to {@code width}; not String.format (see Numbers). */
  private static String padded(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
