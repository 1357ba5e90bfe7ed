package dev.initkit.common.report;

import dev.initkit.common.failure.ExitCode;
import dev.initkit.common.json.JsonWriter;
import dev.initkit.common.log.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one run produced, for the main container and for audits: schema {@value #SCHEMA}, documented
 * in docs/logs-and-reports.md and shipped as {@code
 * dev/initkit/common/schema/report-v1.schema.json}.
 *
 * @param result the tool's own facts (commit, artifacts with SHA-256, rendered files)
 * @param message on failure, the cause as the user saw it; {@code null} on success
 */
public record RunReport(
    String tool,
    String version,
    String commit,
    ExitCode exitCode,
    Instant startedAt,
    Instant finishedAt,
    String message,
    Map<String, Object> result) {
  public static final String SCHEMA = "initkit.report/v1";

  /** The report as JSON text, every string redacted. */
  public String toJson(Redactor redactor) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("schema", SCHEMA);
    json.put("tool", tool);
    json.put("version", version);
    json.put("commit", commit);
    json.put("status", exitCode.name().toLowerCase(Locale.ROOT));
    json.put("exitCode", exitCode.code());
    json.put("startedAt", startedAt.toString());
    json.put("finishedAt", finishedAt.toString());
    json.put("durationMs", Duration.between(startedAt, finishedAt).toMillis());
    if (message != null) {
      json.put("message", message);
    }
    json.put("result", result);
    return redactor.redact(JsonWriter.write(json));
  }
}
