package dev.initkit.gitfetch;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What to check out: the remote's HEAD, a branch or tag by name, or a full commit id. Names follow
 * git's rules for ref names (git-check-ref-format), checked here so that a typo is a usage error
 * (exit 2) and never reaches the server.
 */
public sealed interface GitRef {
  /** The branch the remote's HEAD points at: what {@code git clone} checks out. */
  record RemoteHead() implements GitRef {
    @Override
    public String toString() {
      return "HEAD";
    }
  }

  /**
   * A branch or a tag: {@code main}, {@code v1.2.0}, or a full name such as {@code refs/heads/main}
   * or {@code refs/tags/v1.2.0} when a branch and a tag share a short name.
   */
  record Name(String name) implements GitRef {
    public boolean isFullName() {
      return name.startsWith("refs/");
    }

    /** Looks like an abbreviated commit id: then say that only full ids are accepted. */
    public boolean looksLikeAbbreviatedCommit() {
      return ABBREVIATED_ID.matcher(name).matches();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A full commit id (40 hex digits, SHA-1), in lower case. */
  record Commit(String id) implements GitRef {
    @Override
    public String toString() {
      return id;
    }
  }

  Pattern FULL_ID = Pattern.compile("[0-9a-fA-F]{40}");
  Pattern ABBREVIATED_ID = Pattern.compile("[0-9a-fA-F]{7,39}");

  /**
   * Parses {@code --ref}: empty or {@code HEAD} is the remote HEAD, 40 hex digits a commit, and
   * anything else a branch or tag name.
   *
   * @throws IllegalArgumentException with a message that says what is wrong with the name
   */
  static GitRef parse(String text) {
    if (text == null || text.isEmpty() || text.equals("HEAD")) {
      return new RemoteHead();
    }
    if (FULL_ID.matcher(text).matches()) {
      return new Commit(text.toLowerCase(Locale.ROOT));
    }
    String problem = refNameProblem(text);
    if (problem != null) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a valid branch, tag or commit id: " + problem);
    }
    return new Name(text);
  }

  /** Why {@code name} is not a valid ref name (git-check-ref-format), or null if it is. */
  private static String refNameProblem(String name) {
    if (name.startsWith("-")) {
      return "it starts with '-'";
    }
    if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
      return "it has an empty path component";
    }
    if (name.endsWith(".") || name.endsWith(".lock")) {
      return "it ends with '.' or '.lock'";
    }
    if (name.contains("..")) {
      return "it contains '..'";
    }
    if (name.contains("@{") || name.equals("@")) {
      return "it contains '@{' or is '@'";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f || c == ' ' || "~^:?*[\\".indexOf(c) >= 0) {
        return "it contains a space, a control character or one of ~^:?*[\\";
      }
    }
    for (String component : name.split("/")) {
      if (component.startsWith(".")) {
        return "a path component starts with '.'";
      }
    }
    return null;
  }
}
