package dev.initkit.gitfetch;

import dev.initkit.common.failure.UsageException;
import dev.initkit.gitfetch.content.ContentSelection;
import dev.initkit.gitfetch.content.SparsePaths;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** What git-fetch needs from a git library; the JGit adapter implements it. */
public interface GitClient {
  /**
   * Asks the remote which commit {@code ref} names now (one round trip, like {@code git
   * ls-remote}). A full commit id is returned as it is, without asking.
   *
   * @param ioTimeout how long a connect or a read may stall
   * @throws GitRemoteException when the remote cannot be reached or refuses, or the ref is unknown
   */
  ResolvedRef resolve(GitRemote remote, GitRef ref, Duration ioTimeout)
      throws GitRemoteException, UsageException;

  /**
   * Fetches {@code ref} into a new repository in the empty directory {@code workTree} and checks
   * its commit out there, with {@code depth} commits of history (0: all): the paths and the
   * submodules that {@code content} selects, each submodule with its own {@code .git}. The ref is
   * resolved on the fetch's own connection, so it may name a newer commit than a {@link #resolve}
   * before; {@code onResolved} hears which, before the download.
   *
   * @return the commit, and the files and bytes written (as {@link TreeStats#of} would count them)
   * @throws GitRemoteException when the remote fails, or has no such ref or commit
   * @throws IOException when writing the work tree fails
   */
  FetchedCheckout checkout(
      GitRemote remote,
      GitRef ref,
      Consumer<ResolvedRef> onResolved,
      int depth,
      Path workTree,
      Duration ioTimeout,
      ProgressSource progress,
      ContentSelection content)
      throws GitRemoteException, IOException, UsageException;

  /**
   * The commit checked out in {@code workTree} if its {@code .git} is intact, HEAD points at a
   * commit that is present, and no tracked file under {@code sparse} (and no submodule there) was
   * changed or removed; empty otherwise.
   */
  Optional<CheckedOutCommit> verify(Path workTree, SparsePaths sparse) throws IOException;

  /** Deletes the {@code .git} of a checkout and those of its submodules: the files stay. */
  void removeGitDirs(Path workTree) throws IOException;

  /**
   * The trusted signature on what {@code ref} names in {@code workTree}: the annotated tag when
   * {@code ref} is one, else the commit checked out (HEAD).
   *
   * @throws UntrustedSignatureException when it is unsigned, signed by a key {@code policy} does
   *     not trust, or the signature does not match the content
   */
  VerifiedSignature verifySignature(Path workTree, GitRef ref, SignaturePolicy policy)
      throws UntrustedSignatureException, IOException;
}
