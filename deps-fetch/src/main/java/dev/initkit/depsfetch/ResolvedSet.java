package dev.initkit.depsfetch;

import java.nio.file.Path;
import java.util.List;

/**
 * What a resolution pass produced.
 *
 * @param artifacts the classpath, in Maven's order (pre-order of the dependency graph)
 * @param descriptors every POM read on the way (the artifacts', their parents', imported BOMs',
 *     relocations'), for seeding a local repository that Maven can use offline
 */
public record ResolvedSet(List<ResolvedArtifact> artifacts, List<RepositoryFile> descriptors) {
  public ResolvedSet {
    artifacts = List.copyOf(artifacts);
    descriptors = List.copyOf(descriptors);
  }

  /**
   * One resolved artifact.
   *
   * @param coordinates its coordinates, at the resolved version
   * @param baseVersion the version for file names ({@code 1.0-SNAPSHOT} rather than a timestamp)
   * @param file where it is in the local repository
   * @param repositoryPath its path in a Maven repository layout
   * @param repository the id of the repository it came from, or empty when unknown (a cache)
   */
  public record ResolvedArtifact(
      Coordinates coordinates,
      String baseVersion,
      Path file,
      String repositoryPath,
      String repository) {}

  /** A file in the local repository with its path in a repository layout. */
  public record RepositoryFile(String repositoryPath, Path file) {}
}
