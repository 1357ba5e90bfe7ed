package dev.initkit.common.log;

import java.util.Objects;

/**
 * How a tool logs, from {@code --log-format}, {@code --quiet} and {@code --verbose}.
 *
 * @param tool the tool's name, on every line
 * @param format text or JSON lines
 * @param threshold the lowest level written: WARN with --quiet, DEBUG with --verbose, else INFO
 * @param stackTraces whether causes are written with their stack traces (--verbose)
 */
public record LogSettings(String tool, LogFormat format, LogLevel threshold, boolean stackTraces) {
  public LogSettings {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(threshold, "threshold");
  }

  public static LogSettings of(String tool, LogFormat format, boolean quiet, boolean verbose) {
    LogLevel threshold = verbose ? LogLevel.DEBUG : quiet ? LogLevel.WARN : LogLevel.INFO;
    return new LogSettings(tool, format, threshold, verbose);
  }
}
