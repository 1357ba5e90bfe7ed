package dev.initkit.depsfetch;

import dev.initkit.common.failure.FailureClassifier;

/**
 * Resolves artifacts and their dependencies into a local repository, as Maven would put them on a
 * classpath. The one implementation is Maven Resolver's, in {@code resolver/}; the port keeps
 * Resolver's types out of the rest of the tool.
 */
public interface ArtifactResolution {
  /**
   * One resolution pass: collects the dependency graph, mediates versions and downloads what the
   * local repository lacks, verifying checksums.
   *
   * @throws ResolutionException when the outside world failed; {@link #classifier()} tells whether
   *     trying again may help
   */
  ResolvedSet resolve(ResolutionRequest request) throws ResolutionException, InterruptedException;

  /** Tells transient failures of {@link #resolve} from permanent ones. */
  FailureClassifier classifier();
}
