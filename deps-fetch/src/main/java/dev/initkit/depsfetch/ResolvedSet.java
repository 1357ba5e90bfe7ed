package dev.initkit.depsfetch;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
   * @param verifiedSha256 the file's SHA-256 when this run downloaded it and verified it against
   *     the repository's SHA-256 (then hashing it again is wasted work), else empty
   */
  public record ResolvedArtifact(
      Coordinates coordinates,
      String baseVersion,
      Path file,
      String repositoryPath,
      String repository,
      Optional<String> verifiedSha256) {
    public ResolvedArtifact {
      Objects.requireNonNull(verifiedSha256, "verifiedSha256");
    }
  }

  /** A file in the local repository with its path in a repository layout. */
  public record RepositoryFile(String repositoryPath, Path file) {}
}
