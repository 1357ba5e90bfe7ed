package dev.initkit.gitfetch.jgit.signing;

import dev.initkit.gitfetch.GitRef;
import dev.initkit.gitfetch.SignaturePolicy;
import dev.initkit.gitfetch.UntrustedSignatureException;
import dev.initkit.gitfetch.VerifiedSignature;
import dev.initkit.gitfetch.jgit.SshCrypto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier.SignatureVerification;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Checks that the commit checked out in a work tree, or the annotated tag asked for, is signed by a
 * trusted key (--require-signature), with JGit's signature framework: OpenPGP against the keys of
 * --trusted-keys, SSH against --allowed-signers. A valid signature by a key not in those files
 * fails as surely as no signature.
 */
public final class SignatureCheck {

  /**
   * The trusted signature on what {@code ref} names in {@code workTree}: the annotated tag when the
   * ref is one (as {@code git verify-tag}), else the commit at HEAD (as {@code git verify-commit}).
   */
  public VerifiedSignature verify(Path workTree, GitRef ref, SignaturePolicy policy)
      throws UntrustedSignatureException, IOException {
    // Here, not at start-up: a run without --require-signature loads no Bouncy Castle class.
    TrustedKeysVerifier.install();
    SshCrypto.configure(); // SSH signatures are checked with sshd's crypto

    Optional<OpenPgpKeys> keys;
    try {
      keys =
          policy.trustedKeys().isPresent()
              ? Optional.of(OpenPgpKeys.read(policy.trustedKeys().get()))
              : Optional.empty();
    } catch (IOException e) {
      throw new UntrustedSignatureException(e.getMessage() + ": check --trusted-keys", e);
    }
    GpgConfig config = TrustConfig.of(keys, policy.allowedSigners());
    try (Repository repo =
            new FileRepositoryBuilder()
                .setGitDir(workTree.resolve(Constants.DOT_GIT).toFile())
                .setWorkTree(workTree.toFile())
                .setMustExist(true)
                .build();
        RevWalk walk = new RevWalk(repo)) {
      ObjectId head = repo.resolve(Constants.HEAD);
      if (head == null) {
        throw new IOException("the checkout has no HEAD");
      }
      RevCommit commit = walk.parseCommit(head);
      RevObject signed = commit;
      Optional<RevTag> tag = annotatedTag(repo, walk, ref);
      if (tag.isPresent()) {
        if (!walk.peel(tag.get()).equals(commit)) {
          throw new UntrustedSignatureException(
              "the tag " + ref + " does not point at the commit checked out");
        }
        signed = tag.get();
      }
      String what = tag.isPresent() ? "tag " + ref : "commit " + commit.abbreviate(8).name();
      SignatureVerification result;
      try {
        result = SignatureVerifiers.verify(repo, config, signed);
      } catch (RuntimeException e) {
        throw new UntrustedSignatureException(
            what + " has a signature that cannot be checked: " + e.getMessage(), e);
      }
      if (result == null) {
        throw new UntrustedSignatureException(
            what
                + " is not signed (or not in a format git-fetch checks: OpenPGP or SSH), and"
                + " --require-signature is set");
      }
      if (!result.verified()) {
        throw new UntrustedSignatureException(
            what
                + " has no valid signature by a trusted key: "
                + Optional.ofNullable(result.message()).orElse("rejected")
                + (result.keyFingerprint() != null ? " (key " + result.keyFingerprint() + ")" : "")
                + ": check --trusted-keys or --allowed-signers");
      }
      return new VerifiedSignature(
          tag.isPresent() ? "tag" : "commit",
          format(result.verifierName()),
          result.keyFingerprint(),
          Optional.ofNullable(result.keyUser()));
    }
  }

  /**
   * The annotated tag {@code ref} names in the checkout, looked up as the fetch resolved it: a
   * short name as a branch first, then as a tag. A checkout of a tag holds that tag's ref.
   */
  private static Optional<RevTag> annotatedTag(Repository repo, RevWalk walk, GitRef ref)
      throws IOException {
    if (!(ref instanceof GitRef.Name name)) {
      return Optional.empty();
    }
    List<String> candidates =
        name.isFullName()
            ? List.of(name.name())
            : List.of(Constants.R_HEADS + name.name(), Constants.R_TAGS + name.name());
    for (String candidate : candidates) {
      Ref found = repo.exactRef(candidate);
      if (found != null) {
        if (!candidate.startsWith(Constants.R_TAGS)) {
          return Optional.empty();
        }
        RevObject object = walk.parseAny(found.getObjectId());
        return object instanceof RevTag tag ? Optional.of(tag) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String format(String verifierName) {
    return TrustedKeysVerifier.NAME.equals(verifierName) ? "openpgp" : verifierName;
  }
}
