package dev.initkit.depsfetch;

import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.JobFailedException;
import dev.initkit.common.failure.UsageException;
import dev.initkit.common.log.Log;
import dev.initkit.common.log.ProgressReporter;
import dev.initkit.common.publish.TreeDeleter;
import dev.initkit.common.retry.AttemptLog;
import dev.initkit.common.retry.Retrier;
import dev.initkit.common.units.Numbers;
import dev.initkit.depsfetch.ResolvedSet.RepositoryFile;
import dev.initkit.depsfetch.ResolvedSet.ResolvedArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Puts the requested artifacts and their dependencies into {@code --dest}: finds a verified result
 * already in place, or resolves once (retrying transient failures), checks the lock file, stages
 * the files beside the destination and swaps them in whole.
 */
public final class ArtifactFetcher {
  /** The throwaway local repository without --cache: inside staging, on the volume. */
  static final String WORK = ".deps-fetch-repository";

  private final ArtifactResolution resolution;
  private final ResultPublisher publisher;
  private final Log log;
  private final Function<String, ProgressReporter> progress;

  /**
   * @param progress opens a progress reporter in bytes for a task
   */
  public ArtifactFetcher(
      ArtifactResolution resolution,
      ResultPublisher publisher,
      Log log,
      Function<String, ProgressReporter> progress) {
    this.resolution = resolution;
    this.publisher = publisher;
    this.log = log;
    this.progress = progress;
  }

  /** A fetcher publishing through common's staging area. */
  public static ArtifactFetcher create(
      ArtifactResolution resolution, Log log, Function<String, ProgressReporter> progress) {
    return new ArtifactFetcher(resolution, new StagingPublisher(), log, progress);
  }

  public FetchResult fetch(FetchOptions options) throws InitkitException, InterruptedException {
    long started = System.nanoTime();
    Optional<LockFile> lock = readLock(options);
    String fingerprint = fingerprint(options, lock);
    Path dest = options.dest().toAbsolutePath().normalize();
    Optional<FetchResult> inPlace = verifiedInPlace(dest, options, fingerprint);
    if (inPlace.isPresent()) {
      log.info(
          "found the result in place and verified it, nothing downloaded",
          "dest",
          dest,
          "artifacts",
          inPlace.get().artifacts().size());
      writeClasspath(options, inPlace.get());
      return inPlace.get();
    }
    try (ResultPublisher.Staging staging = publisher.open(dest)) {
      Path localRepository = localRepository(options, staging.path());
      AtomicLong downloaded = new AtomicLong();
      AtomicInteger files = new AtomicInteger();
      ResolvedSet resolved = resolve(options, lock, localRepository, downloaded, files);
      Placement placement = plan(options, resolved);
      Map<String, String> trees = new LinkedHashMap<>();
      List<PlacedArtifact> placed =
          place(options, staging, placement, lock, localRepository, trees);
      new Manifest(fingerprint, placed, trees).write(staging.path());
      staging.publish();
      if (options.writeLockFile()) {
        Path lockFile = options.lockFile().orElseThrow();
        new LockFile(
                placed.stream().map(p -> new LockFile.Entry(p.coordinates(), p.sha256())).toList())
            .write(lockFile);
        log.info("wrote the lock file " + lockFile, "artifacts", placed.size());
      }
      FetchResult result = new FetchResult(dest, options.layout(), placed, downloaded.get(), false);
      writeClasspath(options, result);
      log.info(
          "fetched "
              + placed.size()
              + " artifacts into "
              + dest
              + " in "
              + seconds(System.nanoTime() - started),
          "bytes",
          result.totalBytes(),
          "downloaded",
          downloaded.get(),
          "downloadedFiles",
          files.get());
      return result;
    } catch (IOException e) {
      throw new JobFailedException("could not write " + dest + ": " + e, e);
    }
  }

  private void writeClasspath(FetchOptions options, FetchResult result) throws InitkitException {
    if (options.classpathFile().isPresent()) {
      ClasspathFile classpath = options.classpathFile().get();
      try {
        classpath.write(result.artifacts());
      } catch (IOException e) {
        throw new JobFailedException(
            "could not write --classpath-file " + classpath.file() + ": " + e, e);
      }
      log.info("wrote the classpath to " + classpath.file(), "entries", result.artifacts().size());
    }
  }

  private ResolvedSet resolve(
      FetchOptions options,
      Optional<LockFile> lock,
      Path localRepository,
      AtomicLong downloaded,
      AtomicInteger files)
      throws InitkitException, InterruptedException {
    ProgressReporter bytes = progress.apply("downloading");
    ResolutionRequest.DownloadListener listener =
        new ResolutionRequest.DownloadListener() {
          @Override
          public void transferred(long amount) {
            downloaded.addAndGet(amount);
            bytes.advance(amount);
          }

          @Override
          public void downloaded(String resource, long size) {
            files.incrementAndGet();
            log.debug("downloaded " + resource, "bytes", size);
          }
        };
    List<Coordinates> requested = requested(options, lock);
    ResolutionRequest request =
        new ResolutionRequest(
            requested,
            options.transitive(),
            options.scope(),
            options.excludes(),
            lock.filter(l -> !options.writeLockFile()).map(LockFile::versions).orElse(Map.of()),
            options.repositories(),
            options.mirrors(),
            options.proxy(),
            options.tls(),
            options.offline(),
            localRepository,
            options.cache().isPresent(),
            options.threads(),
            options.checksums(),
            listener);
    try {
      return Retrier.create(options.retry(), resolution.classifier())
          .withListener(new AttemptLog(log, AttemptLog.DEFAULT_INTERVAL))
          .run(attempt -> resolution.resolve(request));
    } finally {
      bytes.finish();
    }
  }

  /**
   * The requested artifacts; a version range with a locked version is pinned to it, since
   * management pins only transitive dependencies.
   */
  private static List<Coordinates> requested(FetchOptions options, Optional<LockFile> lock) {
    if (lock.isEmpty() || options.writeLockFile()) {
      return options.artifacts();
    }
    Map<String, String> versions = lock.get().versions();
    List<Coordinates> requested = new ArrayList<>();
    for (Coordinates c : options.artifacts()) {
      String locked = versions.get(c.versionlessId());
      requested.add(c.isRange() && locked != null ? c.withVersion(locked) : c);
    }
    return requested;
  }

  /** Where each resolved file goes under {@code --dest}. */
  private record Placement(List<Planned> artifacts, List<RepositoryFile> extras) {}

  /** One artifact's place; an unpacked archive's name is its directory's. */
  private record Planned(ResolvedArtifact artifact, String name, boolean unpack) {}

  private static Placement plan(FetchOptions options, ResolvedSet resolved)
      throws JobFailedException {
    List<Planned> planned = new ArrayList<>();
    Map<String, Coordinates> names = new LinkedHashMap<>();
    for (ResolvedArtifact artifact : resolved.artifacts()) {
      boolean unpack = options.unpack() && Unpacker.unpacks(artifact.coordinates().extension());
      String flat = flatName(artifact, options.stripVersion());
      String name =
          options.layout() == Layout.FLAT
              ? (unpack ? Unpacker.directoryName(flat, artifact.coordinates().extension()) : flat)
              : artifact.repositoryPath();
      Coordinates previous = names.putIfAbsent(name, artifact.coordinates());
      if (previous != null) {
        throw new JobFailedException(
            "two artifacts would be placed as "
                + name
                + ": "
                + previous
                + " and "
                + artifact.coordinates()
                + "; use --layout repository"
                + (options.stripVersion() ? " or drop --strip-version" : "")
                + ", or --exclude one of them");
      }
      planned.add(new Planned(artifact, name, unpack));
    }
    List<RepositoryFile> extras = new ArrayList<>();
    if (options.layout() == Layout.REPOSITORY) {
      Set<String> seen = new LinkedHashSet<>(names.keySet());
      for (RepositoryFile descriptor : resolved.descriptors()) {
        if (seen.add(descriptor.repositoryPath())) {
          extras.add(descriptor);
        }
      }
    }
    return new Placement(planned, extras);
  }

  static String flatName(ResolvedArtifact artifact, boolean stripVersion) {
    Coordinates c = artifact.coordinates();
    return c.artifactId()
        + (stripVersion ? "" : "-" + artifact.baseVersion())
        + (c.classifier().isEmpty() ? "" : "-" + c.classifier())
        + "."
        + c.extension();
  }

  /**
   * Puts the files into staging: moved out of a throwaway repository (same volume), copied out of a
   * cache; hashed on the way. Checks the lock before anything can be published.
   */
  private List<PlacedArtifact> place(
      FetchOptions options,
      ResultPublisher.Staging staging,
      Placement placement,
      Optional<LockFile> lock,
      Path localRepository,
      Map<String, String> trees)
      throws IOException, InitkitException {
    boolean move = options.cache().isEmpty();
    List<PlacedArtifact> placed = new ArrayList<>();
    List<LockFile.Entry> entries = new ArrayList<>();
    for (Planned planned : placement.artifacts()) {
      ResolvedArtifact artifact = planned.artifact();
      Path target =
          staging
              .path()
              .resolve(
                  planned.unpack()
                      ? planned.name() + "." + artifact.coordinates().extension()
                      : planned.name());
      String sha256 = transfer(artifact.file(), target, move, artifact.verifiedSha256());
      long size = Files.size(target);
      if (planned.unpack()) {
        Path dir = staging.path().resolve(planned.name());
        Unpacker.unpack(target, dir, artifact.coordinates());
        Files.delete(target);
        trees.put(planned.name(), Unpacker.treeSha256(dir));
      }
      placed.add(
          new PlacedArtifact(
              artifact.coordinates(), planned.name(), sha256, size, artifact.repository()));
      entries.add(new LockFile.Entry(artifact.coordinates(), sha256));
    }
    if (lock.isPresent() && !options.writeLockFile()) {
      List<String> differences = lock.get().differences(entries);
      if (!differences.isEmpty()) {
        throw new JobFailedException(
            "the resolution does not match the lock file "
                + options.lockFile().orElseThrow()
                + ", nothing placed: "
                + String.join("; ", differences.subList(0, Math.min(5, differences.size())))
                + (differences.size() > 5 ? "; and " + (differences.size() - 5) + " more" : "")
                + " (rewrite it with --write-lock-file if the change is intended)");
      }
    }
    for (RepositoryFile extra : placement.extras()) {
      moveOrCopy(extra.file(), staging.path().resolve(extra.repositoryPath()), move);
    }
    if (move) {
      TreeDeleter.delete(localRepository);
    }
    return placed;
  }

  /**
   * Moves (a throwaway repository on the same volume) or copies (a cache) an artifact into staging
   * and gives its SHA-256: the one Resolver verified the download against when there is one, else
   * hashed (a copy hashes on the way).
   */
  private static String transfer(
      Path source, Path target, boolean move, Optional<String> verifiedSha256) throws IOException {
    if (!move) {
      Files.createDirectories(target.getParent());
      return Sha256.copy(source, target);
    }
    moveOrCopy(source, target, true);
    return verifiedSha256.isPresent() ? verifiedSha256.get() : Sha256.of(target);
  }

  private static void moveOrCopy(Path source, Path target, boolean move) throws IOException {
    Files.createDirectories(target.getParent());
    if (move) {
      Files.move(source, target);
    } else {
      Files.copy(source, target);
    }
  }

  private Optional<FetchResult> verifiedInPlace(Path dest, FetchOptions options, String fingerprint)
      throws JobFailedException {
    if (options.writeLockFile() || !Files.isDirectory(dest)) {
      return Optional.empty();
    }
    try {
      if (!publisher.isComplete(dest)) {
        return Optional.empty();
      }
      Optional<Manifest> manifest = Manifest.read(dest);
      if (manifest.isEmpty() || !manifest.get().fingerprint().equals(fingerprint)) {
        return Optional.empty();
      }
      for (PlacedArtifact artifact : manifest.get().artifacts()) {
        Path file = dest.resolve(artifact.file()).normalize();
        String tree = manifest.get().trees().get(artifact.file());
        boolean intact =
            file.startsWith(dest)
                && (tree != null
                    ? Files.isDirectory(file) && Unpacker.treeSha256(file).equals(tree)
                    : Files.isRegularFile(file)
                        && Files.size(file) == artifact.size()
                        && Sha256.of(file).equals(artifact.sha256()));
        if (!intact) {
          log.info(
              "the result in place differs from its manifest, fetching again",
              "file",
              artifact.file());
          return Optional.empty();
        }
      }
      return Optional.of(
          new FetchResult(dest, options.layout(), manifest.get().artifacts(), 0, true));
    } catch (IOException e) {
      log.debug("could not verify the result in place, fetching again", "cause", e);
      return Optional.empty();
    }
  }

  private static Path localRepository(FetchOptions options, Path staging) throws IOException {
    if (options.cache().isPresent()) {
      Path cache = options.cache().get().toAbsolutePath().normalize();
      Files.createDirectories(cache);
      return cache;
    }
    // No cache: a throwaway local repository inside staging, on the volume (never ~/.m2), gone
    // with the staging directory whatever happens.
    return Files.createDirectory(staging.resolve(WORK));
  }

  private static Optional<LockFile> readLock(FetchOptions options) throws UsageException {
    if (options.lockFile().isEmpty() || options.writeLockFile()) {
      return Optional.empty();
    }
    Path file = options.lockFile().get();
    if (!Files.isRegularFile(file)) {
      throw new UsageException(
          "--lock-file " + file + " does not exist; write it once with --write-lock-file");
    }
    try {
      return Optional.of(LockFile.read(file));
    } catch (IOException e) {
      throw new UsageException("cannot read --lock-file " + file + ": " + e, e);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--lock-file " + e.getMessage(), e);
    }
  }

  private static String fingerprint(FetchOptions options, Optional<LockFile> lock) {
    String text = options.fingerprint();
    if (lock.isPresent()) {
      StringBuilder locked = new StringBuilder(text);
      lock.get()
          .entries()
          .forEach(
              e ->
                  locked
                      .append("lock ")
                      .append(e.coordinates())
                      .append(' ')
                      .append(e.sha256())
                      .append('\n'));
      text = locked.toString();
    }
    return Sha256.of(text);
  }

  private static String seconds(long nanos) {
    return Numbers.seconds(Duration.ofNanos(nanos)) + " s";
  }
}
