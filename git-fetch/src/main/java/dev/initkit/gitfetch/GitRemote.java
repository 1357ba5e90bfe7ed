package dev.initkit.gitfetch;

import java.util.Objects;
import java.util.Optional;

/**
 * A remote repository, how to authenticate to it, and which CAs to trust for it besides the
 * runtime's own.
 */
public record GitRemote(RedactedUrl url, GitCredentials credentials, Optional<CaBundle> trust) {
  public GitRemote {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(trust, "trust");
  }
}
