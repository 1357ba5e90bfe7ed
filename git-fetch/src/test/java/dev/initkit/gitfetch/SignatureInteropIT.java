package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.succeeds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.initkit.common.testkit.ChildProcess;
import dev.initkit.common.testkit.ProcessResult;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures made the way users make them: commits and tags signed by the git CLI with gpg (an
 * Ed25519 OpenPGP key) and with ssh-keygen, verified by git-fetch. Skipped where git, gpg or
 * ssh-keygen is missing (the in-process SignatureIT covers the rules either way).
 *
 * <p>Also shows that git-fetch trusts --trusted-keys only: a key in the gpg keyring that $HOME and
 * $GNUPGHOME point at, but not in the file, fails.
 */
class SignatureInteropIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path dir;
  private static Path gnupg;
  private static Path repo;
  private static Path trustedKeys;
  private static Path allowedSigners;
  private static String fingerprint;

  @TempDir Path volume;

  @BeforeAll
  static void signWithTheRealTools() throws Exception {
    assumeTrue(available("git", "--version"), "git is not installed");
    assumeTrue(available("gpg", "--version"), "gpg is not installed");
    assumeTrue(available("ssh-keygen", "-?"), "ssh-keygen is not installed");
    gnupg = Files.createDirectory(dir.resolve("gnupg"));
    Files.setPosixFilePermissions(
        gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    gpg("--quick-gen-key", "Release Bot <release@example.org>", "ed25519", "sign", "never");
    gpg("--quick-gen-key", "Mallory <mallory@example.org>", "ed25519", "sign", "never");
    fingerprint = fingerprintOf("release@example.org");
    trustedKeys = dir.resolve("trusted.asc");
    Files.writeString(trustedKeys, gpg("--export", "--armor", fingerprint));
    run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("id").toString()));
    allowedSigners =
        Files.writeString(
            dir.resolve("allowed_signers"),
            "release@example.org namespaces=\"git\" " + Files.readString(dir.resolve("id.pub")));

    repo = dir.resolve("repo");
    git(dir, "init", "-q", "-b", "main", repo.toString());
    Files.writeString(repo.resolve("app.txt"), "gpg\n");
    git(repo, "add", "app.txt");
    git(repo, "-c", "user.signingkey=" + fingerprint, "commit", "-q", "-S", "-m", "gpg-signed");
    git(repo, "-c", "user.signingkey=" + fingerprint, "tag", "-s", "-m", "release", "v1");
    git(repo, "branch", "gpg");
    git(
        repo,
        "-c",
        "user.signingkey=" + fingerprintOf("mallory@example.org"),
        "commit",
        "-q",
        "--allow-empty",
        "-S",
        "-m",
        "by mallory");
    git(repo, "branch", "mallory");
    git(
        repo,
        "-c",
        "gpg.format=ssh",
        "-c",
        "user.signingkey=" + dir.resolve("id"),
        "commit",
        "-q",
        "--allow-empty",
        "-S",
        "-m",
        "ssh-signed");
    git(repo, "branch", "ssh");
  }

  @AfterAll
  static void stopGpgAgent() {
    if (gnupg != null) {
      ChildProcess.run(List.of("gpgconf", "--kill", "gpg-agent"), gpgEnv(), TIMEOUT);
    }
  }

  private static boolean available(String... command) {
    try {
      ChildProcess.run(List.of(command), Map.of(), TIMEOUT);
      return true;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  private static Map<String, String> gpgEnv() {
    return Map.of("GNUPGHOME", gnupg.toString());
  }

  private static String run(List<String> command) {
    ProcessResult result = ChildProcess.run(command, gpgEnv(), TIMEOUT);
    assertThat(result.exitCode()).as("%s: %s", command, result.stderr()).isZero();
    return result.stdout();
  }

  private static String gpg(String... args) {
    List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--passphrase", ""));
    command.addAll(List.of(args));
    return run(command);
  }

  private static String fingerprintOf(String email) {
    String listing = gpg("--with-colons", "--list-keys", email);
    return listing
        .lines()
        .filter(line -> line.startsWith("fpr:"))
        .findFirst()
        .orElseThrow()
        .split(":")[9];
  }

  private static void git(Path workTree, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-C",
                workTree.toString(),
                "-c",
                "user.name=Release Bot",
                "-c",
                "user.email=release@example.org"));
    command.addAll(List.of(args));
    run(command);
  }

  private ToolRun fetch(String ref) {
    return GitFetchTesting.gitFetch(
            volume,
            "--repo",
            "file://" + repo,
            "--ref",
            ref,
            "--dest",
            volume.resolve("src").toString(),
            "--require-signature",
            "--trusted-keys",
            trustedKeys.toString(),
            "--allowed-signers",
            allowedSigners.toString())
        // A user's gpg home with both keys: git-fetch must not look there.
        .env("HOME", gnupg.getParent().toString())
        .env("GNUPGHOME", gnupg.toString());
  }

  @Test
  void aCommitSignedByGitWithGpgPasses() {
    ToolResult result = succeeds(fetch("gpg"));

    assertThat(result.stderr())
        .contains("openpgp key " + fingerprint + " (Release Bot <release@example.org>)");
  }

  @Test
  void aTagSignedByGitWithGpgPasses() {
    ToolResult result = succeeds(fetch("v1"));

    assertThat(result.stderr()).contains("verified the signature of tag v1");
  }

  @Test
  void aCommitSignedByGitWithAnSshKeyPasses() {
    ToolResult result = succeeds(fetch("ssh"));

    assertThat(result.stderr()).contains("ssh key SHA256:").contains("(release@example.org)");
  }

  @Test
  void aKeyOnlyInTheUsersKeyringIsNotTrusted() {
    ToolResult result = fetch("mallory").run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("which --trusted-keys lacks");
    assertThat(volume.resolve("src")).doesNotExist();
  }
}
