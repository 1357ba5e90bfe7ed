package dev.initkit.common.log;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The tool's log: one event per line on stderr, text or JSON, every word redacted. Messages are
 * lower case, past tense for work done; key facts go in as pairs: {@code log.info("cloned " + url,
 * "commit", sha, "files", 1234)}.
 */
public final class Log {
  private final String tool;
  private final LogLevel threshold;
  private final boolean stackTraces;
  private final PrintStream err;
  private final Redactor redactor;
  private final Clock clock;
  private final LogLineFormatter formatter;
  private final LogFormat format;

  public Log(LogSettings settings, PrintStream err, Redactor redactor, Clock clock) {
    this.tool = settings.tool();
    this.threshold = settings.threshold();
    this.stackTraces = settings.stackTraces();
    this.format = settings.format();
    this.formatter = LogLineFormatter.of(settings.format());
    this.err = Objects.requireNonNull(err, "err");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public String tool() {
    return tool;
  }

  public LogFormat format() {
    return format;
  }

  public Redactor redactor() {
    return redactor;
  }

  public Clock clock() {
    return clock;
  }

  public boolean isEnabled(LogLevel level) {
    return level.atLeast(threshold);
  }

  public void debug(String message, Object... keyValues) {
    log(LogLevel.DEBUG, null, message, null, keyValues);
  }

  public void info(String message, Object... keyValues) {
    log(LogLevel.INFO, null, message, null, keyValues);
  }

  public void warn(String message, Object... keyValues) {
    log(LogLevel.WARN, null, message, null, keyValues);
  }

  public void error(String message, Object... keyValues) {
    log(LogLevel.ERROR, null, message, null, keyValues);
  }

  /**
   * Logs an event with its cause; the stack trace is printed only with {@code --verbose}, or when
   * {@code alwaysTrace} is set (a bug, where the trace is what the report needs).
   */
  public void error(String message, Throwable cause, boolean alwaysTrace) {
    log(LogLevel.ERROR, null, message, (alwaysTrace || stackTraces) ? cause : null);
  }

  /** An event from a library's logger (JGit, Maven Resolver), written in the same format. */
  public void library(LogLevel level, String logger, String message, Throwable cause) {
    log(level, logger, message, stackTraces ? cause : null);
  }

  /** Writes a raw fragment to the terminal (progress bars); redacted, no line break added. */
  void writeRaw(String text) {
    synchronized (err) {
      err.print(redactor.redact(text));
      err.flush();
    }
  }

  private void log(
      LogLevel level, String logger, String message, Throwable cause, Object... keyValues) {
    if (!isEnabled(level)) {
      return;
    }
    LogEvent event =
        new LogEvent(
            clock.instant(),
            level,
            tool,
            logger,
            redactor.redact(message),
            fields(keyValues),
            cause);
    String line = formatter.format(event, cause == null ? null : redactor.redact(trace(cause)));
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }

  private Map<String, Object> fields(Object... keyValues) {
    if (keyValues.length == 0) {
      return Collections.emptyMap();
    }
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("key facts come in pairs: " + keyValues.length);
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      Object value = keyValues[i + 1];
      // Numbers and booleans stay typed for JSON; everything else is redacted text.
      fields.put(
          String.valueOf(keyValues[i]),
          value instanceof Number || value instanceof Boolean
              ? value
              : redactor.redact(String.valueOf(value)));
    }
    return fields;
  }

  private static String trace(Throwable cause) {
    StringWriter out = new StringWriter();
    cause.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
