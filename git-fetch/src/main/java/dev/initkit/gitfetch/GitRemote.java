package dev.initkit.gitfetch;

import java.util.Objects;

/** A remote repository and how to authenticate to it. */
public record GitRemote(RedactedUrl url, GitCredentials credentials) {
  public GitRemote {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(credentials, "credentials");
  }
}
