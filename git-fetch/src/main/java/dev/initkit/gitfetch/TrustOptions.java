package dev.initkit.gitfetch;

import dev.initkit.common.failure.UsageException;
import dev.initkit.gitfetch.jgit.signing.OpenPgpKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that decide whom git-fetch trusts: which signatures a commit must carry. Validated
 * here, before anything is written.
 */
public final class TrustOptions {
  @Option(
      order = 350,
      names = "--require-signature",
      description =
          "Fail (exit 1, nothing published) unless the commit, or the annotated tag --ref names,"
              + " is signed by a key of --trusted-keys or --allowed-signers.")
  boolean requireSignature;

  @Option(
      order = 360,
      names = "--trusted-keys",
      paramLabel = "FILE",
      description =
          "OpenPGP public keys trusted to sign (as gpg --export --armor writes them); only these.")
  Path trustedKeys;

  @Option(
      order = 370,
      names = "--allowed-signers",
      paramLabel = "FILE",
      description =
          "SSH keys trusted to sign, in git's gpg.ssh.allowedSignersFile format; only these.")
  Path allowedSigners;

  /** Which signatures the run requires; the trust files are read now, so a bad one is exit 2. */
  SignaturePolicy signaturePolicy() throws UsageException {
    if (!requireSignature) {
      if (trustedKeys != null || allowedSigners != null) {
        throw new UsageException(
            "--trusted-keys and --allowed-signers take effect with --require-signature: add it");
      }
      return SignaturePolicy.NONE;
    }
    if (trustedKeys == null && allowedSigners == null) {
      throw new UsageException(
          "--require-signature needs the keys to trust: --trusted-keys FILE (OpenPGP) and/or"
              + " --allowed-signers FILE (SSH)");
    }
    if (trustedKeys != null) {
      try {
        OpenPgpKeys.read(trustedKeys);
      } catch (IOException e) {
        throw new UsageException("--trusted-keys: " + e.getMessage(), e);
      }
    }
    if (allowedSigners != null) {
      AllowedSignersFile.check(allowedSigners);
    }
    return new SignaturePolicy(
        true, Optional.ofNullable(trustedKeys), Optional.ofNullable(allowedSigners));
  }
}
