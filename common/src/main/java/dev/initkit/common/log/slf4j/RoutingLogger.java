package dev.initkit.common.log.slf4j;

import dev.initkit.common.log.LogLevel;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that hands every enabled event to {@link LibraryLogs}. */
final class RoutingLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  RoutingLogger(String name) {
    this.name = name;
  }

  @Override
  public boolean isTraceEnabled() {
    return LibraryLogs.isEnabled(LogLevel.DEBUG);
  }

  @Override
  public boolean isDebugEnabled() {
    return LibraryLogs.isEnabled(LogLevel.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return LibraryLogs.isEnabled(LogLevel.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return LibraryLogs.isEnabled(LogLevel.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return LibraryLogs.isEnabled(LogLevel.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    LibraryLogs.write(
        toLogLevel(level), name, MessageFormatter.basicArrayFormat(pattern, arguments), throwable);
  }

  private static LogLevel toLogLevel(Level level) {
    return switch (level) {
      case TRACE, DEBUG -> LogLevel.DEBUG;
      case INFO -> LogLevel.INFO;
      case WARN -> LogLevel.WARN;
      case ERROR -> LogLevel.ERROR;
    };
  }
}
