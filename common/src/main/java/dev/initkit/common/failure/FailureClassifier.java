package dev.initkit.common.failure;

/**
 * Tells transient causes from permanent ones. Each tool fills one in for its library (JGit, Maven
 * Resolver, JDBC) in its adapter package; {@link #NETWORK} covers plain I/O.
 */
@FunctionalInterface
public interface FailureClassifier {
  Classification classify(Exception failure);

  /** The classes every network client shares: refused and reset connections, unresolved names. */
  FailureClassifier NETWORK = NetworkFailureClassifier::classifyNetwork;
}
