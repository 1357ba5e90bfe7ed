package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.succeeds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.gitfetch.jgit.SshCrypto;
import dev.initkit.gitfetch.server.TestRepository;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.eclipse.jgit.junit.ssh.SshTestGitServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key types and formats users have: Ed25519 and RSA keys in OpenSSH's own format, with and
 * without a passphrase (bcrypt KDF, AES-256-CTR, as ssh-keygen writes them), against the loopback
 * SSH server.
 */
class SshKeysIT {
  private static final String PASSPHRASE = "correct horse battery staple";

  private static SshTestGitServer server;
  private static int port;
  private static KeyPair hostKey;

  @TempDir static Path serverDir;

  @TempDir Path volume;
  @TempDir Path secrets;

  @BeforeAll
  static void startServer() throws Exception {
    // The tool's choice of sshd's crypto, before sshd settles it for this JVM.
    SshCrypto.configure();
    hostKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    Repository bare = FileRepositoryBuilder.create(serverDir.resolve("repo.git").toFile());
    bare.create(true);
    TestRepository repo = new TestRepository("ssh", bare);
    repo.commit("main", "one", TestRepository.tree().file("a", "over ssh"));
    KeyPair placeholder = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    server = new SshTestGitServer("git", placeholder.getPublic(), repo.repository(), hostKey);
    port = server.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.stop();
  }

  /** The user's key in OpenSSH format, encrypted when a passphrase is given. */
  private Path openSshKeyFile(KeyPair key, String passphrase) throws Exception {
    OpenSSHKeyEncryptionContext encryption = null;
    if (passphrase != null) {
      encryption = new OpenSSHKeyEncryptionContext();
      encryption.setCipherName(OpenSSHKeyEncryptionContext.AES);
      encryption.setCipherType("256");
      encryption.setPassword(passphrase);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "test", encryption, out);
    Path file = secrets.resolve("id_key");
    Files.write(file, out.toByteArray());
    assertThat(file).content().startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    return file;
  }

  private Path knownHosts() throws Exception {
    return Files.writeString(
        secrets.resolve("known_hosts"),
        "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
  }

  private Path passphraseFile(String passphrase) throws Exception {
    return Files.writeString(secrets.resolve("passphrase"), passphrase + "\n");
  }

  private ToolResult fetchWith(Path keyFile, Path passphraseFile) throws Exception {
    Path dest = volume.resolve("src");
    var run =
        GitFetchTesting.gitFetch(
            volume,
            "--repo",
            "ssh://git@127.0.0.1:" + port + "/repo.git",
            "--dest",
            dest.toString(),
            "--ssh-key-file",
            keyFile.toString(),
            "--ssh-known-hosts-file",
            knownHosts().toString(),
            "--timeout",
            "30s");
    if (passphraseFile != null) {
      run.args("--ssh-key-passphrase-file", passphraseFile.toString());
    }
    return run.run();
  }

  private KeyPair userKey(String type, int bits) throws Exception {
    KeyPair key = KeyUtils.generateKeyPair(type, bits);
    server.setTestUserPublicKey(key.getPublic());
    return key;
  }

  @Test
  void clonesWithAnEd25519Key() throws Exception {
    KeyPair key = userKey(KeyPairProvider.SSH_ED25519, 256);

    ToolResult result = fetchWith(openSshKeyFile(key, null), null);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(volume.resolve("src/a")).hasContent("over ssh");
  }

  @Test
  void clonesWithAPassphraseProtectedEd25519Key() throws Exception {
    KeyPair key = userKey(KeyPairProvider.SSH_ED25519, 256);

    ToolResult result = fetchWith(openSshKeyFile(key, PASSPHRASE), passphraseFile(PASSPHRASE));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(volume.resolve("src/a")).hasContent("over ssh");
    assertThat(result.stderr()).doesNotContain(PASSPHRASE);
  }

  @Test
  void clonesWithAPassphraseProtectedRsaKeyInOpenSshFormat() throws Exception {
    KeyPair key = userKey(KeyPairProvider.SSH_RSA, 2048);

    succeeds(
        GitFetchTesting.gitFetch(volume)
            .args(
                "--repo",
                "ssh://git@127.0.0.1:" + port + "/repo.git",
                "--dest",
                volume.resolve("src").toString(),
                "--ssh-key-file",
                openSshKeyFile(key, PASSPHRASE).toString(),
                "--ssh-key-passphrase-file",
                passphraseFile(PASSPHRASE).toString(),
                "--ssh-known-hosts-file",
                knownHosts().toString()));

    assertThat(volume.resolve("src/a")).hasContent("over ssh");
  }

  @Test
  void aWrongPassphraseFailsPermanentlyAndWritesNothing() throws Exception {
    KeyPair key = userKey(KeyPairProvider.SSH_ED25519, 256);

    ToolResult result =
        fetchWith(openSshKeyFile(key, PASSPHRASE), passphraseFile("not the passphrase"));

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("permanent").contains("passphrase");
    assertThat(result.stderr()).doesNotContain("not the passphrase");
    assertThat(volume.resolve("src")).doesNotExist();
  }
}
