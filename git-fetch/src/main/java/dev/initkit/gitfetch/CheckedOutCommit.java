package dev.initkit.gitfetch;

import java.time.Instant;
import java.util.Objects;

/** A commit checked out in a work tree: its id and its committer time. */
public record CheckedOutCommit(String commit, Instant commitTime) {
  public CheckedOutCommit {
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(commitTime, "commitTime");
  }

  /** The first 8 digits, for log lines. */
  public String shortId() {
    return commit.substring(0, Math.min(8, commit.length()));
  }
}
