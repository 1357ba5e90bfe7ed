package dev.initkit.gitfetch.jgit.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * The OpenPGP public keys of a {@code --trusted-keys} file, and nothing else: no keyring of a user,
 * no key server. The file holds what {@code gpg --export --armor KEY…} writes (several armored
 * blocks may follow one another), or the same without {@code --armor}.
 */
public final class OpenPgpKeys {
  private static final Pattern ARMORED_BLOCK =
      Pattern.compile(
          "-----BEGIN PGP PUBLIC KEY BLOCK-----.*?-----END PGP PUBLIC KEY BLOCK-----",
          Pattern.DOTALL);

  private final PGPPublicKeyRingCollection rings;

  private OpenPgpKeys(PGPPublicKeyRingCollection rings) {
    this.rings = rings;
  }

  /**
   * Reads every public key in {@code file}.
   *
   * @throws IOException when the file cannot be read, holds something other than public keys, or
   *     holds none
   */
  public static OpenPgpKeys read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    List<PGPPublicKeyRing> found = new ArrayList<>();
    try {
      if (text.contains("-----BEGIN PGP")) {
        // One block at a time: Bouncy Castle's armor reader stops at the first block's end.
        Matcher block = ARMORED_BLOCK.matcher(text);
        while (block.find()) {
          byte[] armored = block.group().getBytes(StandardCharsets.ISO_8859_1);
          try (InputStream in = new ArmoredInputStream(new ByteArrayInputStream(armored))) {
            readRings(in, found);
          }
        }
      } else {
        readRings(new ByteArrayInputStream(bytes), found);
      }
      if (found.isEmpty()) {
        throw new IOException(
            "no OpenPGP public key in " + file + " (export one with gpg --export --armor KEY)");
      }
      return new OpenPgpKeys(new PGPPublicKeyRingCollection(found));
    } catch (RuntimeException e) {
      throw new IOException(
          "cannot read the OpenPGP public keys in " + file + ": " + e.getMessage(), e);
    }
  }

  private static void readRings(InputStream in, List<PGPPublicKeyRing> found) throws IOException {
    BcPGPObjectFactory objects = new BcPGPObjectFactory(in);
    for (Object object = objects.nextObject(); object != null; object = objects.nextObject()) {
      if (!(object instanceof PGPPublicKeyRing ring)) {
        throw new IOException(
            "expected public keys, found "
                + object.getClass().getSimpleName()
                + " (a secret key? export the public key with gpg --export --armor KEY)");
      }
      found.add(ring);
    }
  }

  /** The key (primary or subkey) with {@code keyId}, if the file trusts it. */
  Optional<PGPPublicKey> key(long keyId) {
    return Optional.ofNullable(rings.getPublicKey(keyId));
  }

  /** The key with this fingerprint (v4: 20 bytes), if the file trusts it. */
  Optional<PGPPublicKey> key(byte[] fingerprint) {
    return Optional.ofNullable(rings.getPublicKey(fingerprint));
  }

  /** The primary key of the certificate {@code key} belongs to. */
  PGPPublicKey primaryOf(PGPPublicKey key) {
    PGPPublicKeyRing ring = rings.getPublicKeyRing(key.getKeyID());
    return ring == null ? key : ring.getPublicKey();
  }

  /** The first user id of {@code key}'s certificate, such as {@code Ada <ada@example.org>}. */
  Optional<String> userId(PGPPublicKey key) {
    Iterator<String> ids = primaryOf(key).getUserIDs();
    return ids.hasNext() ? Optional.of(ids.next()) : Optional.empty();
  }
}
