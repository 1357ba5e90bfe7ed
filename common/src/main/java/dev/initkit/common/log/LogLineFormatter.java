package dev.initkit.common.log;

/** Turns one (already redacted) event into one line of text, without the line break. */
interface LogLineFormatter {
  String format(LogEvent event, String stackTrace);

  static LogLineFormatter of(LogFormat format) {
    return format == LogFormat.JSON ? new JsonLineFormatter() : new TextLineFormatter();
  }
}
