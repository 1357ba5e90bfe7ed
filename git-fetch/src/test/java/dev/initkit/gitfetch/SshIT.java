package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.succeeds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.gitfetch.server.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.eclipse.jgit.junit.ssh.SshTestGitServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ssh:// with a private key and a known_hosts file, against JGit's test SSH server (MINA sshd). */
class SshIT {
  private static SshTestGitServer server;
  private static int port;
  private static KeyPair hostKey;
  private static KeyPair userKey;

  @TempDir static Path serverDir;

  @TempDir Path volume;
  @TempDir Path secrets;

  @BeforeAll
  static void startServer() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    hostKey = rsa.generateKeyPair();
    userKey = rsa.generateKeyPair();
    Repository bare = FileRepositoryBuilder.create(serverDir.resolve("repo.git").toFile());
    bare.create(true);
    TestRepository repo = new TestRepository("ssh", bare);
    repo.commit("main", "one", TestRepository.tree().file("a", "over ssh"));
    server = new SshTestGitServer("git", userKey.getPublic(), repo.repository(), hostKey);
    port = server.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.stop();
  }

  private String url() {
    return "ssh://git@127.0.0.1:" + port + "/repo.git";
  }

  private Path keyFile(KeyPair key) throws Exception {
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(key.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    return Files.writeString(secrets.resolve("id_rsa"), pem);
  }

  private Path knownHosts(KeyPair host) throws Exception {
    return Files.writeString(
        secrets.resolve("known_hosts"),
        "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(host.getPublic()) + "\n");
  }

  @Test
  void clonesWithTheKeyAndAKnownHostKey() throws Exception {
    Path dest = volume.resolve("src");

    succeeds(
        GitFetchTesting.gitFetch(
            volume,
            "--repo",
            url(),
            "--dest",
            dest.toString(),
            "--ssh-key-file",
            keyFile(userKey).toString(),
            "--ssh-known-hosts-file",
            knownHosts(hostKey).toString()));

    assertThat(dest.resolve("a")).hasContent("over ssh");
    assertThat(dest.resolve(".git/config")).content().contains(url());
  }

  @Test
  void anUnknownHostKeyFailsPermanently() throws Exception {
    KeyPair other = KeyPairGenerator.getInstance("RSA").generateKeyPair();

    ToolResult result =
        GitFetchTesting.gitFetch(
                volume,
                "--repo",
                url(),
                "--dest",
                volume.resolve("src").toString(),
                "--ssh-key-file",
                keyFile(userKey).toString(),
                "--ssh-known-hosts-file",
                knownHosts(other).toString())
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("permanent")
        .contains("host key")
        .contains("the server presented ssh-rsa " + KeyUtils.getFingerPrint(hostKey.getPublic()));
    assertThat(volume.resolve("src")).doesNotExist();
  }

  @Test
  void aKeyTheServerDoesNotKnowFailsPermanently() throws Exception {
    KeyPair stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair();

    ToolResult result =
        GitFetchTesting.gitFetch(
                volume,
                "--repo",
                url(),
                "--dest",
                volume.resolve("src").toString(),
                "--ssh-key-file",
                keyFile(stranger).toString(),
                "--ssh-known-hosts-file",
                knownHosts(hostKey).toString(),
                "--timeout",
                "20s")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("permanent").contains("--ssh-key-file");
  }

  @Test
  void ignoringTheHostKeyWorksButWarns() throws Exception {
    ToolResult result =
        succeeds(
            GitFetchTesting.gitFetch(
                volume,
                "--repo",
                url(),
                "--dest",
                volume.resolve("src").toString(),
                "--ssh-key-file",
                keyFile(userKey).toString(),
                "--ssh-insecure-ignore-host-key"));

    assertThat(result.stderr()).contains("WARN").contains("host key is not checked");
  }
}
