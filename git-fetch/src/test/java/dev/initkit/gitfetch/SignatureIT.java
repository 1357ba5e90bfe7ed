package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.leftovers;
import static dev.initkit.gitfetch.GitFetchTesting.succeeds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.initkit.common.testkit.JsonSchemas;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import dev.initkit.gitfetch.server.TestSigners;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * --require-signature: commits and tags signed in the test with keys the test makes. A signature by
 * a trusted key passes; no signature, a valid signature by a key not trusted, and a signature of
 * other content each fail with exit 1, before anything is published, on a first run and on a re-run
 * alike.
 */
class SignatureIT {
  private static final AtomicInteger REPOS = new AtomicInteger();

  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();
  private static TestSigners.OpenPgpKey trusted;
  private static TestSigners.OpenPgpKey stranger;
  private static TestSigners.SshKey sshTrusted;
  private static TestSigners.SshKey sshStranger;

  @TempDir static Path keysDir;

  @TempDir Path volume;
  @TempDir Path trust;

  @BeforeAll
  static void start() throws Exception {
    trusted = new TestSigners.OpenPgpKey("Release Bot <release@example.org>");
    stranger = new TestSigners.OpenPgpKey("Mallory <mallory@example.org>");
    sshTrusted = new TestSigners.SshKey(keysDir);
    sshStranger = new TestSigners.SshKey(keysDir);
  }

  private static TestRepository repo() {
    return server.repo("signed-" + REPOS.incrementAndGet());
  }

  private static TestRepository.Tree tree() {
    return TestRepository.tree().file("app.txt", "release");
  }

  /** A trust file holding the trusted key and another one, as a real keyring export might. */
  private Path trustedKeys() throws Exception {
    TestSigners.OpenPgpKey other = new TestSigners.OpenPgpKey("Other <other@example.org>");
    return Files.writeString(
        trust.resolve("trusted.asc"), other.armoredPublicKey() + trusted.armoredPublicKey());
  }

  private Path allowedSigners() throws Exception {
    return Files.writeString(
        trust.resolve("allowed_signers"),
        "# who may sign releases\n" + sshTrusted.allowedSignersLine("release@example.org") + "\n");
  }

  private Path dest() {
    return volume.resolve("src");
  }

  private ToolRun fetch(TestRepository repo, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("--repo", repo.url(), "--dest", dest().toString()));
    args.addAll(List.of(more));
    return GitFetchTesting.gitFetch(volume, args.toArray(String[]::new));
  }

  private ToolRun fetchRequiringSignature(TestRepository repo, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--require-signature",
                "--trusted-keys",
                trustedKeys().toString(),
                "--allowed-signers",
                allowedSigners().toString(),
                "--report",
                volume.resolve("report.json").toString()));
    args.addAll(List.of(more));
    return fetch(repo, args.toArray(String[]::new));
  }

  private JsonNode reportedSignature() throws Exception {
    JsonNode report =
        JsonSchemas.assertValid(
            JsonSchemas.REPORT_V1,
            Files.readString(volume.resolve("report.json"), StandardCharsets.UTF_8));
    return report.get("result").get("signature");
  }

  /** Exit 1, said why, and the destination untouched (absent, or still holding {@code kept}). */
  private void assertRejected(ToolResult result, String why, String kept) throws Exception {
    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains(why);
    assertThat(volume.resolve("termination-log")).content().contains(why);
    if (kept == null) {
      assertThat(dest()).doesNotExist();
    } else {
      assertThat(dest().resolve("app.txt")).hasContent(kept);
    }
    assertThat(leftovers(volume)).isEmpty();
  }

  @Test
  void aCommitSignedByATrustedOpenPgpKeyIsPublishedAndItsSignerReported() throws Exception {
    TestRepository repo = repo();
    String commit = repo.signedCommit("main", "release", tree(), trusted);

    ToolResult result = succeeds(fetchRequiringSignature(repo));

    assertThat(dest().resolve("app.txt")).hasContent("release");
    assertThat(result.stderr())
        .contains("verified the signature of commit " + commit.substring(0, 8))
        .contains(trusted.fingerprint());
    JsonNode signature = reportedSignature();
    assertThat(signature.get("object").asText()).isEqualTo("commit");
    assertThat(signature.get("format").asText()).isEqualTo("openpgp");
    assertThat(signature.get("key").asText()).isEqualTo(trusted.fingerprint());
    assertThat(signature.get("signer").asText()).isEqualTo("Release Bot <release@example.org>");
  }

  @Test
  void aCommitSignedByAnAllowedSshKeyIsPublished() throws Exception {
    TestRepository repo = repo();
    repo.signedCommit("main", "release", tree(), sshTrusted);

    succeeds(fetchRequiringSignature(repo));

    assertThat(dest().resolve("app.txt")).hasContent("release");
    JsonNode signature = reportedSignature();
    assertThat(signature.get("format").asText()).isEqualTo("ssh");
    assertThat(signature.get("key").asText()).isEqualTo(sshTrusted.fingerprint());
    assertThat(signature.get("signer").asText()).isEqualTo("release@example.org");
  }

  @Test
  void anUnsignedCommitFailsAndPublishesNothing() throws Exception {
    TestRepository repo = repo();
    repo.commit("main", "unsigned", tree());

    ToolResult result = fetchRequiringSignature(repo).run();

    assertRejected(result, "is not signed", null);
  }

  @Test
  void aValidSignatureByAnUntrustedOpenPgpKeyFails() throws Exception {
    TestRepository repo = repo();
    repo.signedCommit("main", "by mallory", tree(), stranger);

    ToolResult result = fetchRequiringSignature(repo).run();

    assertRejected(result, "which --trusted-keys lacks", null);
    assertThat(result.stderr()).contains(stranger.fingerprint());
  }

  @Test
  void aValidSignatureByAnSshKeyNotInAllowedSignersFails() throws Exception {
    TestRepository repo = repo();
    repo.signedCommit("main", "by a stranger", tree(), sshStranger);

    ToolResult result = fetchRequiringSignature(repo).run();

    assertRejected(result, "no valid signature by a trusted key", null);
    assertThat(result.stderr()).contains(sshStranger.fingerprint());
  }

  @Test
  void aSignedCommitWhoseContentWasChangedFails() throws Exception {
    TestRepository repo = repo();
    repo.signedCommit("main", "tampered", tree(), trusted.forOtherContent());

    ToolResult result = fetchRequiringSignature(repo).run();

    assertRejected(result, "does not match the content", null);
  }

  @Test
  void aTamperedSshSignedCommitFails() throws Exception {
    TestRepository repo = repo();
    repo.signedCommit("main", "tampered", tree(), sshTrusted.forOtherContent());

    ToolResult result = fetchRequiringSignature(repo).run();

    assertRejected(result, "no valid signature by a trusted key", null);
  }

  @Test
  void anAnnotatedTagSignedByATrustedKeyVouchesForItsCommit() throws Exception {
    TestRepository repo = repo();
    String commit = repo.commit("main", "unsigned commit", tree());
    repo.signedAnnotatedTag("v1.0.0", commit, trusted);

    ToolResult result = succeeds(fetchRequiringSignature(repo, "--ref", "v1.0.0"));

    assertThat(result.stderr()).contains("verified the signature of tag v1.0.0");
    assertThat(reportedSignature().get("object").asText()).isEqualTo("tag");
  }

  @Test
  void anUnsignedAnnotatedTagFailsEvenOnASignedCommit() throws Exception {
    TestRepository repo = repo();
    String commit = repo.signedCommit("main", "signed commit", tree(), trusted);
    repo.annotatedTag("v1.0.0", commit);

    ToolResult result = fetchRequiringSignature(repo, "--ref", "v1.0.0").run();

    assertRejected(result, "tag v1.0.0 is not signed", null);
  }

  @Test
  void aTagSignedByAnUntrustedKeyFails() throws Exception {
    TestRepository repo = repo();
    String commit = repo.signedCommit("main", "signed commit", tree(), trusted);
    repo.signedAnnotatedTag("v1.0.0", commit, stranger);

    ToolResult result = fetchRequiringSignature(repo, "--ref", "v1.0.0").run();

    assertRejected(result, "which --trusted-keys lacks", null);
  }

  @Test
  void aReRunVerifiesTheSignatureOfTheCheckoutInPlace() throws Exception {
    TestRepository repo = repo();
    repo.signedCommit("main", "release", tree(), trusted);
    succeeds(fetchRequiringSignature(repo));

    ToolResult again = succeeds(fetchRequiringSignature(repo));

    assertThat(again.stderr()).contains("verified " + repo.url());
    assertThat(reportedSignature().get("key").asText()).isEqualTo(trusted.fingerprint());
  }

  @Test
  void aReRunWithSignaturesRequiredRejectsAnUnsignedCheckoutInPlaceAndKeepsIt() throws Exception {
    TestRepository repo = repo();
    repo.commit("main", "unsigned", TestRepository.tree().file("app.txt", "old"));
    succeeds(fetch(repo));

    ToolResult result = fetchRequiringSignature(repo).run();

    assertRejected(result, "is not signed", "old");
  }

  @Test
  void aReRunOfACommitIdInPlaceStillChecksItsSignature() throws Exception {
    TestRepository repo = repo();
    String commit = repo.commit("main", "unsigned", TestRepository.tree().file("app.txt", "old"));
    succeeds(fetch(repo, "--ref", commit));

    ToolResult result = fetchRequiringSignature(repo, "--ref", commit).run();

    assertRejected(result, "is not signed", "old");
  }

  /**
   * Runs with the remote answering 503 to everything, so that --allow-stale keeps what is there.
   */
  private ToolResult fetchWhileRemoteIsDown(TestRepository repo) throws Exception {
    server.faults().failNextRequests(100, 503);
    try {
      return fetchRequiringSignature(
              repo, "--allow-stale", "--timeout", "1s", "--retry-initial", "50ms")
          .run();
    } finally {
      server.faults().reset();
    }
  }

  @Test
  void aCheckoutKeptStaleWasCheckedToo() throws Exception {
    TestRepository repo = repo();
    repo.signedCommit("main", "release", tree(), trusted);
    succeeds(fetchRequiringSignature(repo));

    ToolResult kept = fetchWhileRemoteIsDown(repo);

    assertThat(kept.exitCode()).as(kept.stderr()).isZero();
    assertThat(kept.stderr()).contains("verified the signature of commit").contains("kept the");
    assertThat(reportedSignature().get("key").asText()).isEqualTo(trusted.fingerprint());
  }

  @Test
  void anUnsignedCheckoutIsNotKeptStale() throws Exception {
    TestRepository repo = repo();
    repo.commit("main", "unsigned", TestRepository.tree().file("app.txt", "old"));
    succeeds(fetch(repo));

    ToolResult result = fetchWhileRemoteIsDown(repo);

    assertThat(result.exitCode()).as(result.stderr()).isNotZero();
    assertThat(result.stderr())
        .contains("failed the signature check")
        .doesNotContain("kept the checkout");
    assertThat(dest().resolve("app.txt")).hasContent("old");
  }

  @Test
  void withoutGitDirAReRunFetchesAgainToCheckTheSignature() throws Exception {
    TestRepository repo = repo();
    repo.signedCommit("main", "release", tree(), trusted);
    succeeds(fetchRequiringSignature(repo, "--without-git-dir"));

    ToolResult again = succeeds(fetchRequiringSignature(repo, "--without-git-dir"));

    assertThat(again.stderr()).contains("cannot show its signature; fetching again");
    assertThat(dest().resolve(".git")).doesNotExist();
    assertThat(reportedSignature().get("key").asText()).isEqualTo(trusted.fingerprint());
  }
}
