package dev.initkit.common.log.slf4j;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * initkit's SLF4J binding. Chosen over slf4j-simple or Logback for start-up time and for one
 * format: it is four small classes with no configuration file to find and parse, and it writes
 * library events through the tool's own log (text or JSON, redacted).
 */
public final class RoutingServiceProvider implements SLF4JServiceProvider {
  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final ILoggerFactory loggerFactory =
      name -> loggers.computeIfAbsent(name, RoutingLogger::new);
  private final IMarkerFactory markerFactory = new BasicMarkerFactory();
  private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

  /**
   * Names this class as SLF4J's provider, for the whole process. SLF4J (through which JGit, Maven
   * Resolver and the drivers log) otherwise finds its provider by a service lookup through every
   * jar of the class path: ~14 ms of the first library log call. Named, it is loaded directly; at
   * WARN, SLF4J does not announce that on stderr.
   */
  public static void nameAsProvider() {
    System.setProperty(LoggerFactory.PROVIDER_PROPERTY_KEY, RoutingServiceProvider.class.getName());
    System.setProperty("slf4j.internal.verbosity", "WARN");
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggerFactory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markerFactory;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdcAdapter;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    // Nothing to read: the target log is set by the launcher.
  }
}
