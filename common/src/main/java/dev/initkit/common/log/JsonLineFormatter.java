package dev.initkit.common.log;

import dev.initkit.common.json.JsonWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line, schema {@value #SCHEMA} (documented in docs/logs-and-reports.md and
 * shipped as {@code dev/initkit/common/schema/log-v1.schema.json}).
 */
final class JsonLineFormatter implements LogLineFormatter {
  static final String SCHEMA = "initkit.log/v1";

  @Override
  public String format(LogEvent event, String stackTrace) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("schema", SCHEMA);
    json.put(
        "time", DateTimeFormatter.ISO_INSTANT.format(event.time().truncatedTo(ChronoUnit.MILLIS)));
    json.put("level", event.level().label());
    json.put("tool", event.tool());
    if (event.logger() != null) {
      json.put("logger", event.logger());
    }
    json.put("message", event.message());
    if (!event.fields().isEmpty()) {
      json.put("fields", event.fields());
    }
    if (stackTrace != null) {
      json.put("error", stackTrace);
    }
    return JsonWriter.write(json);
  }
}
