package dev.initkit.common.log;

import java.time.Instant;
import java.util.Map;

/**
 * One log event: when, how severe, which tool, from which library logger ({@code null} for the tool
 * itself), the human message and key facts.
 */
public record LogEvent(
    Instant time,
    LogLevel level,
    String tool,
    String logger,
    String message,
    Map<String, Object> fields,
    Throwable error) {}
