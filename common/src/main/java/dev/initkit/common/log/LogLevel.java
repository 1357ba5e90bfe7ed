package dev.initkit.common.log;

import java.util.Locale;

/** Severity of a log event, lowest first. */
public enum LogLevel {
  DEBUG,
  INFO,
  WARN,
  ERROR;

  public boolean atLeast(LogLevel threshold) {
    return compareTo(threshold) >= 0;
  }

  /** The lower-case label used in text and JSON lines. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
