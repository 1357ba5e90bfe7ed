package dev.initkit.gitfetch.jgit.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;
import org.eclipse.jgit.lib.SignatureVerifiers;

/**
 * Verifies OpenPGP signatures of commits and tags against the keys of {@code --trusted-keys} only.
 *
 * <p>JGit's own OpenPGP verifier (org.eclipse.jgit.gpg.bc) looks keys up in the gpg home directory
 * ($GNUPGHOME or ~/.gnupg), found once per process, and cannot be given a file: git-fetch plugs
 * this one into JGit's signature framework instead, which still parses the objects and dispatches
 * by signature format (SSH signatures go to JGit's verifier).
 *
 * <p>A signature passes when its issuer key is in the file, that key (and its certificate) is not
 * revoked and was not expired when it signed, and the signature matches the content.
 */
final class TrustedKeysVerifier implements SignatureVerifier {
  static final String NAME = "openpgp";

  private TrustedKeysVerifier() {}

  /** Makes this JGit's verifier of OpenPGP signatures for the process (JGit's is global). */
  static synchronized void install() {
    if (!(SignatureVerifiers.get(GpgConfig.GpgFormat.OPENPGP) instanceof TrustedKeysVerifier)) {
      SignatureVerifiers.set(GpgConfig.GpgFormat.OPENPGP, new TrustedKeysVerifier());
    }
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public SignatureVerification verify(
      Repository repository, GpgConfig config, byte[] data, byte[] signatureData) {
    PGPSignature signature;
    try {
      signature = parse(signatureData);
    } catch (IOException | PGPException | RuntimeException e) {
      return rejected(null, null, "the OpenPGP signature cannot be read: " + e.getMessage());
    }
    if (signature == null) {
      return rejected(null, null, "the signature holds no OpenPGP signature packet");
    }
    Date created = signature.getCreationTime();
    Optional<byte[]> issuerFingerprint = issuerFingerprint(signature);
    String issuer =
        issuerFingerprint
            .map(TrustedKeysVerifier::hex)
            .orElse(Long.toHexString(signature.getKeyID()).toUpperCase(Locale.ROOT));
    Optional<OpenPgpKeys> keys =
        config instanceof TrustConfig trust ? trust.openPgpKeys() : Optional.empty();
    if (keys.isEmpty()) {
      return rejected(created, issuer, "OpenPGP signed, but no --trusted-keys were given");
    }
    Optional<PGPPublicKey> found =
        issuerFingerprint.flatMap(keys.get()::key).or(() -> keys.get().key(signature.getKeyID()));
    if (found.isEmpty()) {
      return rejected(created, issuer, "signed by key " + issuer + ", which --trusted-keys lacks");
    }
    PGPPublicKey key = found.get();
    String fingerprint = hex(key.getFingerprint());
    String user = keys.get().userId(key).orElse(null);
    if (key.hasRevocation() || keys.get().primaryOf(key).hasRevocation()) {
      return rejected(created, fingerprint, "key " + fingerprint + " is revoked");
    }
    int type = signature.getSignatureType();
    if (type != PGPSignature.BINARY_DOCUMENT && type != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
      return rejected(created, fingerprint, "not a signature of a document (type " + type + ")");
    }
    boolean expired = expiredAt(key, created);
    boolean matches;
    try {
      signature.init(new BcPGPContentVerifierBuilderProvider(), key);
      signature.update(data);
      matches = signature.verify();
    } catch (PGPException | RuntimeException e) {
      return rejected(created, fingerprint, "the signature cannot be checked: " + e.getMessage());
    }
    if (!matches) {
      return rejected(
          created,
          fingerprint,
          "the signature by key " + fingerprint + " does not match the content");
    }
    return new SignatureVerification(
        NAME,
        created,
        user,
        fingerprint,
        user,
        !expired,
        expired,
        TrustLevel.FULL,
        expired ? "key " + fingerprint + " had expired when it signed" : null);
  }

  @Override
  public void clear() {
    // Nothing cached: the keys come with each call.
  }

  private static PGPSignature parse(byte[] armored) throws IOException, PGPException {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))) {
      Object object = new BcPGPObjectFactory(in).nextObject();
      return object instanceof PGPSignatureList list && !list.isEmpty() ? list.get(0) : null;
    }
  }

  private static Optional<byte[]> issuerFingerprint(PGPSignature signature) {
    if (!signature.hasSubpackets()) {
      return Optional.empty();
    }
    IssuerFingerprint packet = signature.getHashedSubPackets().getIssuerFingerprint();
    return packet == null ? Optional.empty() : Optional.of(packet.getFingerprint());
  }

  private static boolean expiredAt(PGPPublicKey key, Date signed) {
    long validSeconds = key.getValidSeconds();
    if (validSeconds <= 0 || signed == null) {
      return false;
    }
    Instant end = key.getCreationTime().toInstant().plusSeconds(validSeconds);
    return end.isBefore(signed.toInstant());
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }

  private static SignatureVerification rejected(Date created, String key, String why) {
    return new SignatureVerification(
        NAME, created, null, key, null, false, false, TrustLevel.NEVER, why);
  }
}
