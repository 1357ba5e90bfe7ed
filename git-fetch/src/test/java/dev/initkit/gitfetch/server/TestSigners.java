package dev.initkit.gitfetch.server;

import dev.initkit.gitfetch.jgit.SshCrypto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Date;
import java.util.HexFormat;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Signers;

/**
 * Keys the tests make and sign commits and tags with, in process: OpenPGP with Bouncy Castle (as
 * {@code gpg} signs), SSH with JGit's own SSH signer (as {@code ssh-keygen -Y sign -n git}).
 */
public final class TestSigners {
  private TestSigners() {}

  /** Signs the bytes of a commit or tag object (without its signature). */
  @FunctionalInterface
  public interface ObjectSigner {
    GpgSignature sign(byte[] data);

    /**
     * A signer whose signature is valid, but for other content: what an attacker who changed a
     * signed commit would have.
     */
    default ObjectSigner forOtherContent() {
      return data -> {
        byte[] other = data.clone();
        other[other.length - 2] ^= 1;
        return sign(other);
      };
    }
  }

  /** An OpenPGP (RSA) key with one user id. */
  public static final class OpenPgpKey implements ObjectSigner {
    private final PGPKeyPair pair;
    private final String armoredPublicKey;

    public OpenPgpKey(String userId) {
      try {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        pair =
            new JcaPGPKeyPair(
                PublicKeyPacket.VERSION_4,
                PGPPublicKey.RSA_GENERAL,
                rsa.generateKeyPair(),
                new Date(1_600_000_000_000L));
        PGPKeyRingGenerator ring =
            new PGPKeyRingGenerator(
                PGPSignature.POSITIVE_CERTIFICATION,
                pair,
                userId,
                new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1),
                null,
                null,
                new JcaPGPContentSignerBuilder(PGPPublicKey.RSA_GENERAL, HashAlgorithmTags.SHA256),
                null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = new ArmoredOutputStream(out)) {
          ring.generatePublicKeyRing().encode(armored);
        }
        armoredPublicKey = out.toString(java.nio.charset.StandardCharsets.US_ASCII);
      } catch (GeneralSecurityException | PGPException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** What {@code gpg --export --armor} gives for this key. */
    public String armoredPublicKey() {
      return armoredPublicKey;
    }

    /** The fingerprint, 40 upper-case hex digits. */
    public String fingerprint() {
      return HexFormat.of().withUpperCase().formatHex(pair.getPublicKey().getFingerprint());
    }

    @Override
    public GpgSignature sign(byte[] data) {
      try {
        PGPSignatureGenerator generator =
            new PGPSignatureGenerator(
                new JcaPGPContentSignerBuilder(PGPPublicKey.RSA_GENERAL, HashAlgorithmTags.SHA256),
                pair.getPublicKey());
        generator.init(PGPSignature.BINARY_DOCUMENT, pair.getPrivateKey());
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, new Date(1_700_000_000_000L));
        hashed.setIssuerFingerprint(false, pair.getPublicKey());
        generator.setHashedSubpackets(hashed.generate());
        generator.update(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = new ArmoredOutputStream(out)) {
          generator.generate().encode(armored);
        }
        return new GpgSignature(out.toByteArray());
      } catch (PGPException | IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** An SSH Ed25519 key, its private half in a file for JGit's signer. */
  public static final class SshKey implements ObjectSigner {
    private final KeyPair pair;
    private final Path privateKeyFile;

    public SshKey(Path dir) {
      // The tool's choice of sshd's crypto, before sshd settles it for this JVM.
      SshCrypto.configure();
      try {
        pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "signer", null, out);
        privateKeyFile = Files.createTempFile(dir, "signing", "");
        Files.write(privateKeyFile, out.toByteArray());
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** A line of an allowed signers file that lets {@code principal} sign git objects. */
    public String allowedSignersLine(String principal) {
      return principal + " namespaces=\"git\" " + PublicKeyEntry.toString(pair.getPublic());
    }

    /** The fingerprint as OpenSSH prints it ({@code SHA256:…}). */
    public String fingerprint() {
      return KeyUtils.getFingerPrint(pair.getPublic());
    }

    @Override
    public GpgSignature sign(byte[] data) {
      try {
        return Signers.get(GpgConfig.GpgFormat.SSH)
            .sign(
                null,
                new GpgConfig(new Config()),
                data,
                new PersonIdent("Ada Tester", "ada@example.org"),
                privateKeyFile.toString(),
                null);
      } catch (Exception e) {
        if (e instanceof IOException io) {
          throw new UncheckedIOException(io);
        }
        throw new IllegalStateException(e);
      }
    }
  }
}
