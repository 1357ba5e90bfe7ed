package dev.initkit.gitfetch;

import dev.initkit.common.tls.CaBundle;
import dev.initkit.gitfetch.content.ContentSelection;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated options of one run. Built by the command layer from flags and variables; a bad
 * value or combination is rejected there, before anything is written.
 *
 * @param repo the remote repository, user info removed
 * @param ref what to check out
 * @param depth how many commits of history to fetch; 0 for all of it
 * @param destination where the checkout goes
 * @param keepGitDir whether the published checkout keeps its {@code .git} directory
 * @param credentials how to authenticate
 * @param caBundle CAs to trust for HTTPS besides the runtime's own
 * @param ssh how to connect over SSH
 * @param groupWritable whether files and directories get g+w, for a main container of another uid
 *     in the same group ({@code fsGroup}) that writes there
 * @param allowStale whether to keep the checkout in place, with a warning, when the remote cannot
 *     be reached
 * @param content which paths and submodules are checked out
 * @param signatures whether a trusted signature is required, and which keys are trusted
 */
public record FetchOptions(
    RedactedUrl repo,
    GitRef ref,
    int depth,
    Destination destination,
    boolean keepGitDir,
    boolean groupWritable,
    GitCredentials credentials,
    Optional<CaBundle> caBundle,
    SshSettings ssh,
    boolean allowStale,
    ContentSelection content,
    SignaturePolicy signatures) {
  /** Full history. */
  public static final int FULL_DEPTH = 0;

  public FetchOptions {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(caBundle, "caBundle");
    Objects.requireNonNull(ssh, "ssh");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(signatures, "signatures");
    if (depth < 0) {
      throw new IllegalArgumentException("--depth must be 0 (full history) or more: " + depth);
    }
  }
}
