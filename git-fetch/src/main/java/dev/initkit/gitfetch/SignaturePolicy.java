package dev.initkit.gitfetch;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the checked-out commit (or the annotated tag asked for) must carry a valid signature by a
 * trusted key, and which keys are trusted: nothing else (no keyring of a user, no web of trust).
 *
 * @param required whether a commit without such a signature fails the run
 * @param trustedKeys OpenPGP public keys (armored or binary, several one after another)
 * @param allowedSigners SSH signing keys in git's {@code gpg.ssh.allowedSignersFile} format
 */
public record SignaturePolicy(
    boolean required, Optional<Path> trustedKeys, Optional<Path> allowedSigners) {
  public static final SignaturePolicy NONE =
      new SignaturePolicy(false, Optional.empty(), Optional.empty());

  public SignaturePolicy {
    Objects.requireNonNull(trustedKeys, "trustedKeys");
    Objects.requireNonNull(allowedSigners, "allowedSigners");
    if (required && trustedKeys.isEmpty() && allowedSigners.isEmpty()) {
      throw new IllegalArgumentException("a required signature needs trusted keys");
    }
  }
}
