package dev.initkit.gitfetch;

import dev.initkit.common.tls.CaBundle;
import java.util.Objects;
import java.util.Optional;

/**
 * A remote repository, how to authenticate to it, and which CAs to trust for it besides the
 * runtime's own.
 */
public record GitRemote(
    RedactedUrl url, GitCredentials credentials, Optional<CaBundle> trust, SshSettings ssh) {
  public GitRemote {
    Objects.requireNonNull(ssh, "ssh");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(trust, "trust");
  }
}
