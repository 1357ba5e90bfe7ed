package dev.initkit.depsfetch;

import dev.initkit.common.retry.RetryPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What deps-fetch is asked to do, validated: the command layer builds it, {@link ArtifactFetcher}
 * does it.
 *
 * @param artifacts the requested artifacts, at least one
 * @param transitive whether their dependencies come too
 * @param scope which dependencies go on the classpath
 * @param excludes dependencies left out with everything under them
 * @param repositories where to resolve from, in order; a mirror already replaced them all
 * @param mirrors mirrors from settings.xml, applied by their mirrorOf patterns
 * @param proxy the HTTP proxy: settings.xml's, else the environment's
 * @param tls the TLS context trusting a --ca-file, or empty for the runtime's defaults
 * @param offline resolve from the cache only
 * @param dest the output directory
 * @param layout how files are laid out in {@code dest}
 * @param stripVersion flat layout without versions in the file names
 * @param unpack flat layout: zip artifacts unpacked into directories
 * @param cache a persistent local repository, or empty for a throwaway one beside {@code dest}
 * @param lockFile the lock file to verify against, or to write with {@code writeLockFile}
 * @param writeLockFile write {@code lockFile} from this resolution instead of verifying it
 * @param threads parallel downloads
 * @param checksums the checksums to verify, the first a repository has for a file
 * @param classpathFile where to write the classpath, if anywhere
 * @param retry the deadline and retry policy
 */
public record FetchOptions(
    List<Coordinates> artifacts,
    boolean transitive,
    Scope scope,
    List<Exclusion> excludes,
    List<Repository> repositories,
    List<Mirror> mirrors,
    Optional<HttpProxy> proxy,
    Optional<javax.net.ssl.SSLContext> tls,
    boolean offline,
    Path dest,
    Layout layout,
    boolean stripVersion,
    boolean unpack,
    Optional<Path> cache,
    Optional<Path> lockFile,
    boolean writeLockFile,
    int threads,
    List<ChecksumAlgorithm> checksums,
    Optional<ClasspathFile> classpathFile,
    RetryPolicy retry) {

  public FetchOptions {
    artifacts = List.copyOf(artifacts);
    excludes = List.copyOf(excludes);
    repositories = List.copyOf(repositories);
    checksums = List.copyOf(checksums);
    mirrors = List.copyOf(mirrors);
    Objects.requireNonNull(proxy, "proxy");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(dest, "dest");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(lockFile, "lockFile");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(classpathFile, "classpathFile");
    if (artifacts.isEmpty()) {
      throw new IllegalArgumentException("no artifact given");
    }
    if (repositories.isEmpty()) {
      throw new IllegalArgumentException("no repository");
    }
    if (writeLockFile && lockFile.isEmpty()) {
      throw new IllegalArgumentException("--write-lock-file needs --lock-file");
    }
    if (checksums.isEmpty()) {
      throw new IllegalArgumentException("no checksum algorithm");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1");
    }
  }

  /**
   * The inputs that decide the result, as one canonical text: a re-run whose fingerprint matches
   * the one recorded in {@code dest} finds its result in place. Credentials, the cache, threads and
   * retries change how, not what.
   */
  public String fingerprint() {
    StringBuilder text = new StringBuilder("deps-fetch/1\n");
    artifacts.forEach(a -> text.append("artifact ").append(a).append('\n'));
    text.append("transitive ").append(transitive).append('\n');
    text.append("scope ").append(scope).append('\n');
    excludes.forEach(e -> text.append("exclude ").append(e).append('\n'));
    repositories.forEach(r -> text.append("repository ").append(r).append('\n'));
    text.append("layout ").append(layout).append('\n');
    text.append("strip-version ").append(stripVersion).append('\n');
    text.append("unpack ").append(unpack).append('\n');
    return text.toString();
  }
}
