package dev.initkit.gitfetch.jgit;

import dev.initkit.common.failure.Classification;
import dev.initkit.common.failure.UsageException;
import dev.initkit.common.publish.TreeDeleter;
import dev.initkit.gitfetch.CheckedOutCommit;
import dev.initkit.gitfetch.FetchedCheckout;
import dev.initkit.gitfetch.GitClient;
import dev.initkit.gitfetch.GitCredentials;
import dev.initkit.gitfetch.GitRef;
import dev.initkit.gitfetch.GitRemote;
import dev.initkit.gitfetch.GitRemoteException;
import dev.initkit.gitfetch.ProgressSource;
import dev.initkit.gitfetch.RedactedUrl;
import dev.initkit.gitfetch.ResolvedRef;
import dev.initkit.gitfetch.SignaturePolicy;
import dev.initkit.gitfetch.TreeStats;
import dev.initkit.gitfetch.UntrustedSignatureException;
import dev.initkit.gitfetch.VerifiedSignature;
import dev.initkit.gitfetch.content.ContentSelection;
import dev.initkit.gitfetch.content.SparsePaths;
import dev.initkit.gitfetch.content.SubmoduleMode;
import dev.initkit.gitfetch.content.SubmoduleUrl;
import dev.initkit.gitfetch.jgit.signing.SignatureCheck;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectIdRef;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.util.FS;

/**
 * git-fetch's {@link GitClient} on JGit: a new repository in the empty work tree, then one
 * connection ({@link RemoteSession}) that lists the ref and fetches it (shallow unless depth 0),
 * the files checked out as the pack arrives ({@link StreamingCheckout}) and the rest after it
 * ({@link TreeCheckout}). The remote's URL is stored without user info and credentials are handed
 * to each request, never written to {@code .git/config}.
 */
public final class JGitClient implements GitClient {
  private static final String REMOTE = "origin";
  private static final String FETCHED_COMMIT_REF = "refs/initkit/fetched";

  private final JGitFailureClassifier classifier = new JGitFailureClassifier();
  private final SignatureCheck signatures = new SignatureCheck();
  private final boolean alwaysDetectCollisions;

  /** A client that checks for SHA-1 collisions only where an id is trusted from elsewhere. */
  public JGitClient() {
    this(false);
  }

  private JGitClient(boolean alwaysDetectCollisions) {
    this.alwaysDetectCollisions = alwaysDetectCollisions;
    JGitProcess.configure();
  }

  /**
   * A client that checks every fetched object for SHA-1 collisions: for runs that verify
   * signatures, whose trust in the files rests on the ids the signed commit names.
   */
  public static JGitClient detectingCollisions() {
    return new JGitClient(true);
  }

  /** The classifier of this adapter's failures, for the retry logic. */
  public JGitFailureClassifier classifier() {
    return classifier;
  }

  @Override
  public ResolvedRef resolve(GitRemote remote, GitRef ref, Duration ioTimeout)
      throws GitRemoteException, UsageException {
    if (ref instanceof GitRef.Commit commit) {
      return ResolvedRef.ofCommit(commit);
    }
    SshSessions ssh = sshSessions(remote);
    try (RemoteSession session =
        configure(
                new RemoteSession.Open(null, remote.url().url(), refPrefixes(ref), 0),
                remote,
                ioTimeout,
                ssh)
            .call()) {
      return chosen(ref, session.refs()).resolved();
    } catch (GitAPIException | RuntimeException e) {
      throw remoteFailure(e, ssh);
    } finally {
      if (ssh != null) {
        ssh.close();
      }
    }
  }

  /** What the remote's refs say {@code ref} is, and what to ask the remote for to fetch it. */
  private record Choice(ResolvedRef resolved, Ref want) {}

  /** The ref the remote's {@code refs} name for what was asked. */
  private static Choice chosen(GitRef ref, Map<String, Ref> refs) throws GitRemoteException {
    if (ref instanceof GitRef.Commit commit) {
      ObjectId id = ObjectId.fromString(commit.id());
      return new Choice(
          ResolvedRef.ofCommit(commit),
          new ObjectIdRef.Unpeeled(Ref.Storage.NETWORK, id.name(), id));
    }
    if (ref instanceof GitRef.RemoteHead) {
      Ref head = refs.get(Constants.HEAD);
      if (head == null || head.getObjectId() == null) {
        throw permanent("the remote has no HEAD (is it empty?): name a branch with --ref");
      }
      if (head.isSymbolic() && head.getTarget().getName().startsWith(Constants.R_HEADS)) {
        String target = head.getTarget().getName();
        return new Choice(
            new ResolvedRef(
                ref,
                commitOf(head),
                Optional.of(target),
                Optional.of(target.substring(Constants.R_HEADS.length()))),
            head);
      }
      return new Choice(
          new ResolvedRef(ref, commitOf(head), Optional.of(Constants.HEAD), Optional.empty()),
          head);
    }
    GitRef.Name name = (GitRef.Name) ref;
    String[] candidates =
        name.isFullName()
            ? new String[] {name.name()}
            : new String[] {Constants.R_HEADS + name.name(), Constants.R_TAGS + name.name()};
    for (String candidate : candidates) {
      Ref found = refs.get(candidate);
      if (found != null && found.getObjectId() != null) {
        Optional<String> branch =
            candidate.startsWith(Constants.R_HEADS)
                ? Optional.of(candidate.substring(Constants.R_HEADS.length()))
                : Optional.empty();
        return new Choice(
            new ResolvedRef(ref, commitOf(found), Optional.of(candidate), branch), found);
      }
    }
    String hint =
        name.looksLikeAbbreviatedCommit() ? " (commit ids must be given in full, 40 digits)" : "";
    throw permanent("no branch or tag '" + name.name() + "' on the remote: check --ref" + hint);
  }

  /**
   * What to ask the remote for to resolve {@code ref}: HEAD, the full name, or where a short one
   * may be.
   */
  private static List<String> refPrefixes(GitRef ref) {
    if (ref instanceof GitRef.RemoteHead) {
      return List.of(Constants.HEAD);
    }
    if (ref instanceof GitRef.Commit commit) {
      // No ref is needed, and none has this name: an empty list would ask for every ref.
      return List.of(commit.id());
    }
    GitRef.Name name = (GitRef.Name) ref;
    return name.isFullName()
        ? List.of(name.name())
        : List.of(Constants.R_HEADS + name.name(), Constants.R_TAGS + name.name());
  }

  /** The commit a ref points at: the peeled id of an annotated tag. */
  private static String commitOf(Ref ref) {
    ObjectId peeled = ref.getPeeledObjectId();
    return (peeled != null ? peeled : ref.getObjectId()).name();
  }

  @Override
  public FetchedCheckout checkout(
      GitRemote remote,
      GitRef ref,
      Consumer<ResolvedRef> onResolved,
      int depth,
      Path workTree,
      Duration ioTimeout,
      ProgressSource progress,
      ContentSelection content)
      throws GitRemoteException, IOException, UsageException {
    Path gitDir = workTree.resolve(Constants.DOT_GIT);
    try (Repository repo = NewRepository.create(gitDir, workTree)) {
      BlobWriterPool writers =
          new BlobWriterPool(
              repo, repo.getConfig().get(WorkingTreeOptions.KEY), BlobWriterPool.defaultThreads());
      Choice choice;
      RefSpec spec;
      EarlyFiles early;
      SshSessions ssh = sshSessions(remote);
      try (RemoteSession session =
          configure(
                  new RemoteSession.Open(repo, remote.url().url(), refPrefixes(ref), depth),
                  remote,
                  ioTimeout,
                  ssh)
              .call()) {
        choice = chosen(ref, session.refs());
        onResolved.accept(choice.resolved());
        spec = fetchSpec(choice.resolved());
        writeConfig(repo.getConfig(), remote, spec);
        // A commit fetched by its id (--ref <id>, a submodule) is checked for SHA-1 collisions.
        Sha1Hashing.select(alwaysDetectCollisions || choice.resolved().refName().isEmpty());
        // Sparse checkouts are written after the fetch only.
        try (StreamingCheckout streaming =
            content.sparse().isAll()
                ? new StreamingCheckout(
                    ObjectId.fromString(choice.resolved().commit()), workTree, writers, progress)
                : null) {
          try {
            session.fetch(choice.want(), streaming, new JGitProgress(progress));
          } catch (IOException e) {
            throw remoteFailure(e, ssh);
          }
          early = streaming != null ? streaming.finish() : EarlyFiles.none(workTree);
        }
      } catch (GitAPIException | RuntimeException e) {
        throw remoteFailure(e, ssh);
      } finally {
        if (ssh != null) {
          ssh.close();
        }
      }

      ObjectId fetched = recordFetched(repo, spec, choice.want());
      try (RevWalk walk = new RevWalk(repo)) {
        RevCommit commit = walk.parseCommit(fetched);
        TreeCheckout.Written written =
            new TreeCheckout(repo, writers)
                .write(commit, content.sparse(), early.of(fetched), progress);
        pointHead(repo, choice.resolved(), commit);
        TreeStats stats = written.stats();
        if (content.submodules() != SubmoduleMode.OFF && !written.gitlinks().isEmpty()) {
          stats =
              stats.plus(
                  checkoutSubmodules(
                      repo,
                      commit,
                      written.gitlinks(),
                      remote,
                      depth,
                      ioTimeout,
                      progress,
                      content.forSubmodule()));
        }
        return new FetchedCheckout(
            new CheckedOutCommit(commit.name(), commit.getCommitterIdent().getWhenAsInstant()),
            stats);
      } catch (MissingObjectException e) {
        throw new GitRemoteException(classifier.classify(e), e);
      }
    }
  }

  /**
   * Clones each submodule at the commit the superproject records, into its directory with its own
   * {@code .git}, fetched by id with the same depth; records its URL in the superproject's config
   * (as {@code git submodule update --init} does), so that git commands in the checkout find it.
   * Returns the files and bytes they hold.
   */
  private TreeStats checkoutSubmodules(
      Repository repo,
      RevCommit commit,
      List<TreeCheckout.Gitlink> gitlinks,
      GitRemote remote,
      int depth,
      Duration ioTimeout,
      ProgressSource progress,
      ContentSelection content)
      throws GitRemoteException, IOException, UsageException {
    GitModules modules;
    try (ObjectReader reader = repo.newObjectReader()) {
      modules = GitModules.read(reader, commit);
    }
    StoredConfig config = repo.getConfig();
    TreeStats stats = TreeStats.NONE;
    for (TreeCheckout.Gitlink link : gitlinks) {
      GitModules.Module module =
          modules
              .at(link.path())
              .orElseThrow(
                  () ->
                      permanent(
                          "submodule "
                              + link.path()
                              + " has no url in .gitmodules of commit "
                              + commit.name().substring(0, 8)
                              + ": fix the repository or use --submodules off"));
      GitRemote submodule = submoduleRemote(remote, link.path(), module.url());
      FetchedCheckout fetched =
          checkout(
              submodule,
              new GitRef.Commit(link.commit().name()),
              resolved -> {},
              depth,
              repo.getWorkTree().toPath().resolve(link.path()),
              ioTimeout,
              progress,
              content);
      stats = stats.plus(fetched.written());
      config.setString("submodule", module.name(), "url", submodule.url().url());
      config.setBoolean("submodule", module.name(), "active", true);
    }
    config.save();
    return stats;
  }

  /**
   * A submodule's remote: its URL resolved against the superproject's; the CAs and ssh settings of
   * the run; the credentials only when it is on the same server, so that a {@code .gitmodules}
   * cannot send them elsewhere. Like git since 2.38.1, a submodule on the local file system is
   * followed only for a superproject that is there too.
   */
  private static GitRemote submoduleRemote(GitRemote remote, String path, String url)
      throws GitRemoteException {
    RedactedUrl resolved;
    try {
      resolved = RedactedUrl.parse(SubmoduleUrl.resolve(remote.url().url(), url));
    } catch (IllegalArgumentException e) {
      throw permanent("submodule " + path + ": " + e.getMessage());
    }
    if (resolved.scheme() == RedactedUrl.Scheme.FILE
        && remote.url().scheme() != RedactedUrl.Scheme.FILE) {
      throw permanent(
          "submodule "
              + path
              + " points at the local path "
              + resolved
              + ", which is only followed for a file:// repository: use --submodules off");
    }
    GitCredentials credentials =
        SubmoduleUrl.sameServer(remote.url().url(), resolved.url())
            ? remote.credentials()
            : GitCredentials.NONE;
    return new GitRemote(resolved, credentials, remote.trust(), remote.ssh());
  }

  /** What to fetch: the ref the commit was resolved from, or the commit itself by id. */
  private static RefSpec fetchSpec(ResolvedRef ref) {
    if (ref.refName().isEmpty()) {
      return new RefSpec(ref.commit() + ":" + FETCHED_COMMIT_REF);
    }
    String name = ref.refName().get();
    if (name.startsWith(Constants.R_HEADS)) {
      return new RefSpec(
          "+" + name + ":" + Constants.R_REMOTES + REMOTE + "/" + name.substring(11));
    }
    if (name.startsWith(Constants.R_TAGS)) {
      return new RefSpec("+" + name + ":" + name);
    }
    return new RefSpec("+" + name + ":" + FETCHED_COMMIT_REF);
  }

  /**
   * Points the spec's destination at what was fetched, as git's fetch does, and returns the commit
   * that arrived: where a ref was fetched, its value when the fetch listed it (the branch may have
   * moved since it was first resolved; the newer commit is as good and is what the report names).
   */
  private static ObjectId recordFetched(Repository repo, RefSpec spec, Ref fetched)
      throws IOException {
    RefUpdate update = repo.updateRef(spec.getDestination());
    update.setNewObjectId(fetched.getObjectId());
    check(update.forceUpdate(), update);
    Ref peeled = repo.getRefDatabase().peel(repo.exactRef(spec.getDestination()));
    return peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
  }

  /**
   * The remote's URL and what it is fetched with, for git commands run in the checkout later; no
   * automatic gc after the fetch: JGit would run it in a background thread, writing into the
   * staging directory while it is being published.
   */
  private static void writeConfig(StoredConfig config, GitRemote remote, RefSpec spec)
      throws IOException {
    config.setString("remote", REMOTE, "url", remote.url().url());
    config.setString("remote", REMOTE, "fetch", spec.toString());
    config.setInt("gc", null, "auto", 0);
    config.setBoolean("gc", null, "autoDetach", false);
    config.save();
  }

  /** HEAD on a local branch of the same name for a branch (as git clone does), else detached. */
  private static void pointHead(Repository repo, ResolvedRef ref, RevCommit commit)
      throws IOException {
    if (ref.branch().isPresent()) {
      String branch = ref.branch().get();
      RefUpdate create = repo.updateRef(Constants.R_HEADS + branch);
      create.setNewObjectId(commit);
      check(create.forceUpdate(), create);
      RefUpdate head = repo.updateRef(Constants.HEAD);
      check(head.link(Constants.R_HEADS + branch), head);
      StoredConfig config = repo.getConfig();
      config.setString("branch", branch, "remote", REMOTE);
      config.setString("branch", branch, "merge", Constants.R_HEADS + branch);
      config.save();
    } else {
      RefUpdate head = repo.updateRef(Constants.HEAD, true);
      head.setNewObjectId(commit);
      check(head.forceUpdate(), head);
    }
  }

  private static void check(RefUpdate.Result result, RefUpdate update) throws IOException {
    switch (result) {
      case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> {
        // updated
      }
      default -> throw new IOException("could not update " + update.getName() + ": " + result);
    }
  }

  @Override
  public Optional<CheckedOutCommit> verify(Path workTree, SparsePaths sparse) throws IOException {
    Path gitDir = workTree.resolve(Constants.DOT_GIT);
    if (!Files.isDirectory(gitDir)) {
      return Optional.empty();
    }
    try (Repository repo =
            new FileRepositoryBuilder()
                .setGitDir(gitDir.toFile())
                .setWorkTree(workTree.toFile())
                .setMustExist(true)
                .build();
        RevWalk walk = new RevWalk(repo)) {
      Ref head = repo.exactRef(Constants.HEAD);
      if (head == null || head.getObjectId() == null) {
        return Optional.empty();
      }
      RevCommit commit = walk.parseCommit(head.getObjectId());
      IndexDiff diff = new IndexDiff(repo, commit, new FileTreeIterator(repo));
      if (!sparse.isAll()) {
        // Paths outside the sparse checkout are in the index but not in the work tree.
        diff.setFilter(PathFilterGroup.createFromStrings(sparse.paths()));
      }
      diff.diff();
      if (!(diff.getAdded().isEmpty()
          && diff.getChanged().isEmpty()
          && diff.getRemoved().isEmpty()
          && diff.getMissing().isEmpty()
          && diff.getModified().isEmpty()
          && diff.getConflicting().isEmpty())) {
        return Optional.empty();
      }
      return Optional.of(
          new CheckedOutCommit(commit.name(), commit.getCommitterIdent().getWhenAsInstant()));
    } catch (RepositoryNotFoundException | MissingObjectException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      // A damaged repository: the caller fetches again.
      return Optional.empty();
    }
  }

  @Override
  public void removeGitDirs(Path workTree) throws IOException {
    Path gitDir = workTree.resolve(Constants.DOT_GIT);
    if (!Files.isDirectory(gitDir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    DirCache index = DirCache.read(gitDir.resolve("index").toFile(), FS.DETECTED);
    for (int i = 0; i < index.getEntryCount(); i++) {
      DirCacheEntry entry = index.getEntry(i);
      if (entry.getFileMode() == FileMode.GITLINK) {
        removeGitDirs(workTree.resolve(entry.getPathString()));
      }
    }
    TreeDeleter.delete(gitDir);
  }

  @Override
  public VerifiedSignature verifySignature(Path workTree, GitRef ref, SignaturePolicy policy)
      throws UntrustedSignatureException, IOException {
    return signatures.verify(workTree, ref, policy);
  }

  /**
   * Timeouts, credentials for this request only (read now: a rotated Secret is picked up), and the
   * CAs to trust.
   */
  private <C extends TransportCommand<C, ?>> C configure(
      C command, GitRemote remote, Duration ioTimeout, SshSessions ssh)
      throws UsageException, GitRemoteException {
    GitCredentials credentials = remote.credentials();
    // JGit counts whole seconds; round up so that a short remainder is not zero (no timeout).
    command.setTimeout((int) Math.max(1, (ioTimeout.toMillis() + 999) / 1000));
    if (credentials.password().isPresent()) {
      command.setCredentialsProvider(
          new UsernamePasswordCredentialsProvider(
              credentials.username().orElse(""),
              credentials.password().get().read().reveal().toCharArray()));
    } else if (credentials.username().isPresent()) {
      command.setCredentialsProvider(
          new UsernamePasswordCredentialsProvider(credentials.username().get(), new char[0]));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (credentials.bearer().isPresent()) {
      headers.put("Authorization", "Bearer " + credentials.bearer().get().read().reveal());
    }
    if (credentials.cookies().isPresent()) {
      // Sent as a header: JGit's own cookie support reads and writes the file through git config.
      credentials
          .cookies()
          .get()
          .header(URI.create(remote.url().url()))
          .ifPresent(cookie -> headers.put("Cookie", cookie));
    }
    TrustingConnectionFactory trusting;
    try {
      trusting =
          remote.trust().isPresent() ? new TrustingConnectionFactory(remote.trust().get()) : null;
    } catch (IOException e) {
      throw new GitRemoteException(Classification.permanentCause(e.getMessage()), e);
    }
    command.setTransportConfigCallback(
        transport -> {
          if (transport instanceof SshTransport sshTransport && ssh != null) {
            sshTransport.setSshSessionFactory(ssh.factory());
          }
          if (transport instanceof TransportHttp http) {
            if (!headers.isEmpty()) {
              http.setAdditionalHeaders(headers);
            }
            TimedConnectionFactory connections = TimedConnectionFactory.install(http);
            http.setHttpConnectionFactory(
                trusting != null ? trusting.over(connections) : connections);
          }
        });
    return command;
  }

  /** An SSH client for this request when the remote is reached over ssh, else null. */
  private static SshSessions sshSessions(GitRemote remote) throws UsageException {
    return remote.url().scheme() == RedactedUrl.Scheme.SSH
        ? SshSessions.create(remote.ssh())
        : null;
  }

  private GitRemoteException remoteFailure(Exception e) {
    return new GitRemoteException(classifier.classify(e), e);
  }

  /** As {@link #remoteFailure(Exception)}, naming a host key the known hosts rejected. */
  private GitRemoteException remoteFailure(Exception e, SshSessions ssh) {
    Classification classification = classifier.classify(e);
    if (ssh != null && ssh.rejectedKey().isPresent()) {
      classification =
          new Classification(
              classification.failureClass(),
              classification.reason() + " (the server presented " + ssh.rejectedKey().get() + ")");
    }
    return new GitRemoteException(classification, e);
  }

  private static GitRemoteException permanent(String reason) {
    return new GitRemoteException(Classification.permanentCause(reason), null);
  }
}
