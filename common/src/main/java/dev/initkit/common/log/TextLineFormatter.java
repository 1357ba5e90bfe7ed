package dev.initkit.common.log;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * {@code 2026-11-26T13:07:15.123Z INFO git-fetch cloned … commit=1a2b3c4d}: time, level, tool,
 * message, then key facts in logfmt style (values with spaces or quotes are quoted).
 */
final class TextLineFormatter implements LogLineFormatter {
  @Override
  public String format(LogEvent event, String stackTrace) {
    StringBuilder line = new StringBuilder(120);
    line.append(DateTimeFormatter.ISO_INSTANT.format(event.time().truncatedTo(ChronoUnit.MILLIS)))
        .append(' ')
        .append(String.format(Locale.ROOT, "%-5s", event.level().name()))
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
}
