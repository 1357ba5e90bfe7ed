package dev.initkit.gitfetch;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@link GitRef} with the commit it names now.
 *
 * @param requested what the user asked for
 * @param commit the full commit id
 * @param refName the full ref to fetch ({@code refs/heads/main}, {@code refs/tags/v1}), or empty
 *     when the commit is fetched by its id
 * @param branch the branch name to create locally when the ref is a branch, so that tools which ask
 *     for the current branch get an answer
 */
public record ResolvedRef(
    GitRef requested, String commit, Optional<String> refName, Optional<String> branch) {
  public ResolvedRef {
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(refName, "refName");
    Objects.requireNonNull(branch, "branch");
  }

  /** A commit id asked for by itself: nothing to look up. */
  public static ResolvedRef ofCommit(GitRef.Commit commit) {
    return new ResolvedRef(commit, commit.id(), Optional.empty(), Optional.empty());
  }
}
