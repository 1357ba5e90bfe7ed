package dev.initkit.gitfetch;

import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.JobFailedException;
import dev.initkit.common.log.Log;
import dev.initkit.common.publish.DestinationType;
import dev.initkit.common.publish.FileModes;
import dev.initkit.common.publish.PublishOptions;
import dev.initkit.common.publish.PublishedResult;
import dev.initkit.common.publish.ShutdownGuard;
import dev.initkit.common.publish.StagingArea;
import dev.initkit.common.publish.TreeDeleter;
import dev.initkit.common.retry.Deadline;
import dev.initkit.common.retry.Retrier;
import dev.initkit.common.units.DataSize;
import dev.initkit.common.units.Numbers;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Puts the requested commit of a repository into the volume, whole, and says what it did.
 *
 * <ol>
 *   <li>Looks at what the destination holds: a checkout git-fetch published, verified (its
 *       completion record, and with {@code .git}, HEAD and an unchanged work tree).
 *   <li>A commit id already in place needs no network: done. Otherwise asks the remote which commit
 *       the ref names now (one round trip).
 *   <li>Same commit: done, nothing downloaded. Remote unreachable and {@code --allow-stale}: the
 *       checkout in place is kept, with a warning.
 *   <li>Otherwise fetches into a staging directory in the same volume and publishes it whole
 *       through common's {@link StagingArea}: a rename for {@code --dest} (entries, then a
 *       completion marker, when {@code --dest} is a mount point), a new checkout and an atomic
 *       symlink swap for {@code --root --link}, old checkouts pruned.
 * </ol>
 *
 * <p>Each staging area is registered with the run's {@link ShutdownGuard}, so that SIGTERM removes
 * it (or puts a previous checkout moved aside back) even when the work does not stop in time.
 */
public final class RepositoryFetcher {
  /** The longest a connect or a read may stall before the attempt fails (transient). */
  static final Duration MAX_IO_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration MIN_IO_TIMEOUT = Duration.ofSeconds(1);

  private final GitClient client;
  private final ShutdownGuard guard;
  private final Retrier retrier;
  private final Log log;
  private final ProgressSource progress;
  private final Clock clock;
  private boolean routine;

  public RepositoryFetcher(
      GitClient client,
      ShutdownGuard guard,
      Retrier retrier,
      Log log,
      ProgressSource progress,
      Clock clock) {
    this.progress = Objects.requireNonNull(progress, "progress");
    this.client = Objects.requireNonNull(client, "client");
    this.guard = Objects.requireNonNull(guard, "guard");
    this.retrier = Objects.requireNonNull(retrier, "retrier");
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Makes this a routine check of sync mode, which runs every period: one line for an update (its
   * result), none for a commit found in place; the rest at debug level, so that the checks do not
   * drown the updates.
   */
  public RepositoryFetcher routine() {
    this.routine = true;
    return this;
  }

  /**
   * @throws InterruptedException when SIGTERM stopped the run; nothing new was published
   */
  public FetchResult fetch(FetchOptions options) throws InitkitException, InterruptedException {
    try {
      return fetchOrThrow(options, retrier.startDeadline());
    } catch (IOException e) {
      if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
        // SIGTERM arrived while waiting for the lock or just before the swap: nothing new was
        // published, and the staging area was removed on the way out.
        Thread.interrupted();
        throw new InterruptedException(e.getMessage());
      }
      throw new JobFailedException(
          "could not write the checkout: " + e + " (is the volume writable and not full?)", e);
    }
  }

  private FetchResult fetchOrThrow(FetchOptions options, Deadline deadline)
      throws InitkitException, InterruptedException, IOException {
    Instant start = clock.instant();
    GitRemote remote =
        new GitRemote(options.repo(), options.credentials(), options.caBundle(), options.ssh());
    Destination destination = options.destination();
    LinkSwitch link =
        destination instanceof Destination.Linked linked ? new LinkSwitch(linked) : null;
    Optional<Path> currentDir = currentCheckoutDir(destination, link);
    Optional<CheckedOutCommit> existing =
        currentDir.isPresent() ? verifyExisting(currentDir.get(), options) : Optional.empty();
    existing.ifPresent(
        e ->
            log.debug(
                "verified the checkout in place",
                "commit",
                e.commit(),
                "elapsedMillis",
                Duration.between(start, clock.instant()).toMillis()));

    if (options.ref() instanceof GitRef.Commit wanted
        && existing.map(e -> e.commit().equals(wanted.id())).orElse(false)) {
      return finished(
          FetchResult.Action.VERIFIED, options, existing.get(), currentDir.get(), start);
    }

    // With nothing in place to compare, and a plain destination, the ref is resolved on the
    // fetch's own connection: two requests fewer. A link layout names the checkout after the
    // commit.
    Optional<ResolvedRef> resolvedFirst = Optional.empty();
    if (existing.isPresent() || link != null) {
      ResolvedRef resolved;
      try {
        resolved =
            retrier.run(
                deadline, number -> client.resolve(remote, options.ref(), ioTimeout(deadline)));
      } catch (InitkitException e) {
        if (options.allowStale() && existing.isPresent() && isTransient(e)) {
          return keptStale(options, existing.get(), currentDir.get(), start, e);
        }
        throw e;
      }
      log.debug(
          "listed the remote's refs",
          "commit",
          resolved.commit(),
          "elapsedMillis",
          Duration.between(start, clock.instant()).toMillis());
      if (existing.isPresent() && existing.get().commit().equals(resolved.commit())) {
        return finished(
            FetchResult.Action.VERIFIED, options, existing.get(), currentDir.get(), start);
      }
      resolvedFirst = Optional.of(resolved);
    }

    FetchResult.Action action =
        existing.isPresent() || currentDir.isPresent()
            ? FetchResult.Action.UPDATED
            : FetchResult.Action.CLONED;
    Object depth = options.depth() == FetchOptions.FULL_DEPTH ? "full" : options.depth();
    Consumer<ResolvedRef> announce =
        resolved -> {
          String fetching = "fetching " + options.repo() + " at " + describe(resolved);
          if (routine) {
            log.debug(fetching, "depth", depth);
          } else {
            log.info(fetching, "depth", depth);
          }
        };
    try {
      if (destination instanceof Destination.Direct direct) {
        FetchedCheckout fetched =
            publishInto(direct.dir(), direct.type(), remote, announce, options, deadline);
        return finished(action, options, fetched.commit(), fetched.written(), direct.dir(), start);
      }
      Destination.Linked linked = (Destination.Linked) destination;
      ResolvedRef resolved = resolvedFirst.orElseThrow();
      Path checkout = linked.worktrees().resolve(resolved.commit());
      Optional<CheckedOutCommit> reusable =
          Files.isDirectory(checkout, LinkOption.NOFOLLOW_LINKS)
              ? verifyExisting(checkout, options)
              : Optional.empty();
      if (reusable.isPresent()) {
        announce.accept(resolved);
      }
      FetchedCheckout fetched =
          reusable.isPresent()
              ? new FetchedCheckout(reusable.get(), TreeStats.of(checkout))
              : publishInto(
                  checkout, DestinationType.ORDINARY_PATH, remote, announce, options, deadline);
      link.pointAt(checkout);
      for (Path pruned : link.prune(checkout)) {
        log.debug("pruned old checkout " + pruned.getFileName());
      }
      return finished(
          action, options, fetched.commit(), fetched.written(), linked.linkPath(), start);
    } catch (InitkitException e) {
      if (options.allowStale() && existing.isPresent() && isTransient(e)) {
        return keptStale(options, existing.get(), currentDir.get(), start, e);
      }
      throw e;
    }
  }

  private Optional<Path> currentCheckoutDir(Destination destination, LinkSwitch link)
      throws IOException, JobFailedException {
    if (destination instanceof Destination.Direct direct) {
      // An ordinary path holds a result whenever it exists; a mount point only with its marker.
      return PublishedResult.isComplete(direct.dir(), direct.type())
          ? Optional.of(direct.dir())
          : Optional.empty();
    }
    try {
      return link.current().filter(Files::isDirectory);
    } catch (IOException e) {
      throw new JobFailedException(e.getMessage(), e);
    }
  }

  /** The commit in {@code dir} if git-fetch published it there and it is intact. */
  private Optional<CheckedOutCommit> verifyExisting(Path dir, FetchOptions options)
      throws IOException {
    boolean keepGitDir = options.keepGitDir();
    Optional<CompletionRecord> record =
        PublishedResult.completionText(dir).flatMap(CompletionRecord::parse);
    if (record.isEmpty()) {
      return Optional.empty();
    }
    if (record.get().groupWritable() != options.groupWritable()) {
      log.info(
          "the checkout in place was made "
              + (options.groupWritable() ? "without" : "with")
              + " --group-writable; fetching again");
      return Optional.empty();
    }
    if (!record.get().holds(options.content())) {
      log.info(
          "the checkout in place was made with other --sparse or --submodules; fetching again");
      return Optional.empty();
    }
    Optional<CheckedOutCommit> recorded = Optional.of(record.get().commit());
    boolean hasGitDir = Files.isDirectory(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS);
    if (hasGitDir != keepGitDir) {
      log.info(
          "the checkout in place was made "
              + (hasGitDir ? "with" : "without")
              + " .git; fetching again");
      return Optional.empty();
    }
    if (!keepGitDir) {
      if (options.signatures().required()) {
        // Without .git there is nothing to check a signature on; the record alone is not proof.
        log.info("a checkout without .git cannot show its signature; fetching again");
        return Optional.empty();
      }
      return recorded;
    }
    Optional<CheckedOutCommit> verified = client.verify(dir, options.content().sparse());
    if (verified.isEmpty() || !verified.get().commit().equals(recorded.get().commit())) {
      log.warn(
          "the checkout at "
              + recorded.get().shortId()
              + " was changed since it was published; fetching it again",
          "path",
          dir);
      return Optional.empty();
    }
    if (options.signatures().required()) {
      try {
        return Optional.of(checkSignature(dir, verified.get(), options));
      } catch (UntrustedSignatureException e) {
        // The trust or the remote may have changed since: fetch, and check what arrives.
        log.warn(
            "the checkout in place failed the signature check; fetching again",
            "cause",
            e.getMessage());
        return Optional.empty();
      }
    }
    return verified;
  }

  /**
   * With --require-signature, the commit (or the annotated tag asked for) in {@code workTree} must
   * be signed by a trusted key, whether it was fetched now or found in place.
   */
  private CheckedOutCommit checkSignature(
      Path workTree, CheckedOutCommit commit, FetchOptions options)
      throws UntrustedSignatureException, IOException {
    if (!options.signatures().required()) {
      return commit;
    }
    VerifiedSignature signature =
        client.verifySignature(workTree, options.ref(), options.signatures());
    log.info(
        "verified the signature of "
            + signature.object()
            + " "
            + (signature.object().equals("tag") ? options.ref() : commit.shortId())
            + ": "
            + signature.describe(),
        "commit",
        commit.commit());
    return commit.withSignature(signature);
  }

  /**
   * Fetches into a staging directory (beside {@code dir}, or inside it when it is a mount point)
   * and publishes it whole. Waiting for another run's lock on {@code dir} counts against {@code
   * --timeout}.
   */
  private FetchedCheckout publishInto(
      Path dir,
      DestinationType type,
      GitRemote remote,
      Consumer<ResolvedRef> announce,
      FetchOptions options,
      Deadline deadline)
      throws InitkitException, InterruptedException, IOException {
    FileModes modes =
        options.groupWritable() ? FileModes.defaults().groupWritable() : FileModes.defaults();
    PublishOptions publish =
        PublishOptions.directory()
            .withType(type)
            .withModes(modes)
            .withLockWait(deadline.remaining());
    try (StagingArea staging = guard.protect(StagingArea.open(dir, publish))) {
      Path work = staging.path();
      FetchedCheckout fetched =
          retrier.run(
              deadline,
              number -> {
                emptyDirectory(work);
                return client.checkout(
                    remote,
                    options.ref(),
                    announce,
                    options.depth(),
                    work,
                    ioTimeout(deadline),
                    progress,
                    options.content());
              });
      log.debug("fetched and checked out " + fetched.commit().shortId(), "path", work);
      // Before anything is published: an untrusted commit leaves the destination as it was.
      CheckedOutCommit commit = checkSignature(work, fetched.commit(), options);
      if (options.keepGitDir()) {
        excludeMarker(work);
      } else {
        client.removeGitDirs(work);
      }
      staging.publish(
          new CompletionRecord(commit, options.groupWritable(), options.content()).format());
      log.debug("published " + commit.shortId(), "path", dir);
      return fetched.withCommit(commit);
    }
  }

  /**
   * How long one connect or read may stall: at most {@link #MAX_IO_TIMEOUT}, and never past the
   * deadline, so that a hung server ends in a retry or in exit 3, not in a hang.
   */
  static Duration ioTimeout(Deadline deadline) {
    Duration remaining = deadline.remaining();
    Duration timeout = remaining.compareTo(MAX_IO_TIMEOUT) < 0 ? remaining : MAX_IO_TIMEOUT;
    return timeout.compareTo(MIN_IO_TIMEOUT) < 0 ? MIN_IO_TIMEOUT : timeout;
  }

  /** A retry starts from an empty directory: whatever a failed attempt wrote goes. */
  private static void emptyDirectory(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      for (Path entry : entries.toList()) {
        TreeDeleter.delete(entry);
      }
    }
  }

  /**
   * Keeps the publisher's own entries out of {@code git status}: the completion marker, and in a
   * mount point its lock and a later run's staging directory.
   */
  private static void excludeMarker(Path workTree) throws IOException {
    Path exclude = workTree.resolve(".git/info/exclude");
    Files.createDirectories(exclude.getParent());
    Files.writeString(
        exclude,
        "/" + PublishedResult.ENTRY_PREFIX + "*\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private static boolean isTransient(InitkitException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof GitRemoteException remote) {
        return remote.classification().isTransient();
      }
    }
    return false;
  }

  private FetchResult keptStale(
      FetchOptions options, CheckedOutCommit existing, Path dir, Instant start, InitkitException e)
      throws IOException {
    log.warn(
        "kept the checkout at "
            + existing.shortId()
            + ", which may be stale: the remote could not be reached (--allow-stale)",
        "cause",
        e.getMessage());
    return finished(FetchResult.Action.KEPT_STALE, options, existing, dir, start);
  }

  /** As the other {@code finished}, for a checkout found in place: counts what it holds. */
  private FetchResult finished(
      FetchResult.Action action,
      FetchOptions options,
      CheckedOutCommit commit,
      Path path,
      Instant start)
      throws IOException {
    Path counted =
        options.destination() instanceof Destination.Linked linked
            ? linked.worktrees().resolve(commit.commit())
            : path;
    return finished(action, options, commit, TreeStats.of(counted), path, start);
  }

  private FetchResult finished(
      FetchResult.Action action,
      FetchOptions options,
      CheckedOutCommit commit,
      TreeStats stats,
      Path path,
      Instant start) {
    Duration duration = Duration.between(start, clock.instant());
    FetchResult result =
        new FetchResult(
            action,
            options.repo(),
            options.ref(),
            commit,
            path,
            stats.files(),
            stats.bytes(),
            duration);
    if (action != FetchResult.Action.KEPT_STALE
        && !(routine && action == FetchResult.Action.VERIFIED)) {
      log.info(
          action.label()
              + " "
              + options.repo()
              + " at "
              + commit.shortId()
              + " ("
              + Numbers.grouped(stats.files())
              + " files, "
              + DataSize.ofBytes(stats.bytes()).format()
              + ") in "
              + Numbers.seconds(duration)
              + " s",
          "ref",
          options.ref(),
          "commit",
          commit.commit(),
          "path",
          path);
    }
    return result;
  }

  private static String describe(ResolvedRef resolved) {
    String commit = resolved.commit().substring(0, 8);
    return resolved.refName().map(name -> name + " (" + commit + ")").orElse(commit);
  }
}
