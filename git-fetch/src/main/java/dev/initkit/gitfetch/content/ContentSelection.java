package dev.initkit.gitfetch.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What of a commit goes into the checkout: which paths ({@code --sparse}) and which submodules
 * ({@code --submodules}).
 */
public record ContentSelection(SparsePaths sparse, SubmoduleMode submodules) {
  /** The default: the whole tree with its submodules, recursively, as git-sync does. */
  public static final ContentSelection DEFAULT =
      new ContentSelection(SparsePaths.ALL, SubmoduleMode.RECURSIVE);

  public ContentSelection {
    Objects.requireNonNull(sparse, "sparse");
    Objects.requireNonNull(submodules, "submodules");
  }

  /** What a submodule gets: its whole tree, and its own submodules when recursive. */
  public ContentSelection forSubmodule() {
    return new ContentSelection(SparsePaths.ALL, submodules.nested());
  }

  /**
   * A short digest of the selection, for the completion record: a re-run with other {@code
   * --sparse} paths or another {@code --submodules} mode must not take the checkout in place as its
   * own.
   */
  public String fingerprint() {
    StringBuilder text = new StringBuilder("submodules=").append(submodules.word());
    for (String path : sparse.paths()) {
      text.append("\nsparse=").append(path);
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
