package dev.initkit.gitfetch.jgit.signing;

import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;

/**
 * JGit's signature settings made from git-fetch's options only: the allowed signers file for SSH
 * signatures (as {@code gpg.ssh.allowedSignersFile}), and for OpenPGP the keys of {@code
 * --trusted-keys}, which {@link TrustedKeysVerifier} reads from here. No git configuration of the
 * repository or the user is consulted.
 */
final class TrustConfig extends GpgConfig {
  private final Optional<OpenPgpKeys> openPgpKeys;

  private TrustConfig(Config config, Optional<OpenPgpKeys> openPgpKeys) {
    super(config);
    this.openPgpKeys = openPgpKeys;
  }

  static TrustConfig of(Optional<OpenPgpKeys> openPgpKeys, Optional<Path> allowedSigners) {
    Config config = new Config();
    // An absolute path: JGit would resolve a relative one against the work tree, and ~ against a
    // home directory.
    allowedSigners.ifPresent(
        file ->
            config.setString("gpg", "ssh", "allowedSignersFile", file.toAbsolutePath().toString()));
    return new TrustConfig(config, openPgpKeys);
  }

  Optional<OpenPgpKeys> openPgpKeys() {
    return openPgpKeys;
  }
}
