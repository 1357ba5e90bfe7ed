package dev.initkit.depsfetch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One resolution pass, as the port sees it.
 *
 * @param artifacts the requested artifacts, dependencies of a synthetic root
 * @param transitive whether their dependencies come too
 * @param scope which dependencies go on the classpath
 * @param excludes left out everywhere in the graph, with what is under them
 * @param pinnedVersions versions the lock file pins, by {@link Coordinates#versionlessId()}; they
 *     win mediation, as dependencyManagement does
 * @param repositories where to resolve from
 * @param mirrors mirrors applied by their mirrorOf patterns
 * @param proxy the HTTP proxy, or empty
 * @param tls the TLS context trusting a CA bundle, or empty for the runtime's defaults
 * @param offline use the local repository only
 * @param localRepository where downloads go
 * @param sharedLocalRepository whether other processes may use {@code localRepository} at once
 *     (then access is locked per artifact, across processes)
 * @param threads parallel downloads
 * @param checksums the checksums to verify, the first a repository has for a file
 * @param listener told of download progress
 */
public record ResolutionRequest(
    List<Coordinates> artifacts,
    boolean transitive,
    Scope scope,
    List<Exclusion> excludes,
    Map<String, String> pinnedVersions,
    List<Repository> repositories,
    List<Mirror> mirrors,
    Optional<HttpProxy> proxy,
    Optional<javax.net.ssl.SSLContext> tls,
    boolean offline,
    Path localRepository,
    boolean sharedLocalRepository,
    int threads,
    List<ChecksumAlgorithm> checksums,
    DownloadListener listener) {

  public ResolutionRequest {
    artifacts = List.copyOf(artifacts);
    excludes = List.copyOf(excludes);
    pinnedVersions = Map.copyOf(pinnedVersions);
    repositories = List.copyOf(repositories);
    checksums = List.copyOf(checksums);
    mirrors = List.copyOf(mirrors);
    Objects.requireNonNull(proxy, "proxy");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(localRepository, "localRepository");
    Objects.requireNonNull(listener, "listener");
  }

  /** Hears of downloads as they happen (from several threads). */
  public interface DownloadListener {
    DownloadListener NONE = new DownloadListener() {};

    /** {@code bytes} more arrived. */
    default void transferred(long bytes) {}

    /** A file finished downloading. */
    default void downloaded(String resource, long size) {}
  }
}
