package dev.initkit.gitfetch;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A commit checked out in a work tree: its id, its committer time, and the trusted signature found
 * on it (or on the tag asked for) when --require-signature checked one.
 */
public record CheckedOutCommit(
    String commit, Instant commitTime, Optional<VerifiedSignature> signature) {
  public CheckedOutCommit {
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(commitTime, "commitTime");
    Objects.requireNonNull(signature, "signature");
  }

  public CheckedOutCommit(String commit, Instant commitTime) {
    this(commit, commitTime, Optional.empty());
  }

  public CheckedOutCommit withSignature(VerifiedSignature verified) {
    return new CheckedOutCommit(commit, commitTime, Optional.of(verified));
  }

  /** The first 8 digits, for log lines. */
  public String shortId() {
    return commit.substring(0, Math.min(8, commit.length()));
  }
}
