package dev.initkit.gitfetch;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to connect over SSH: the private key (and its passphrase), the known hosts to check the
 * server against, and whether that check is off (loudly logged). No ~/.ssh is read.
 *
 * @param keyFile the private key (OpenSSH or PEM format)
 * @param passphrase the key's passphrase, read on each attempt
 * @param knownHosts the known_hosts file that must list the server's host key
 * @param ignoreHostKey accept any host key: for tests and first contact only
 */
public record SshSettings(
    Optional<Path> keyFile,
    Optional<SecretSource> passphrase,
    Optional<Path> knownHosts,
    boolean ignoreHostKey) {
  public static final SshSettings NONE =
      new SshSettings(Optional.empty(), Optional.empty(), Optional.empty(), false);

  public SshSettings {
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(passphrase, "passphrase");
    Objects.requireNonNull(knownHosts, "knownHosts");
  }

  public boolean isEmpty() {
    return keyFile.isEmpty() && passphrase.isEmpty() && knownHosts.isEmpty() && !ignoreHostKey;
  }
}
