package dev.initkit.depsfetch;

import java.util.Objects;

/**
 * Maven coordinates in the Resolver's order, {@code groupId:artifactId[:extension[:classifier]]
 * :version}. The version may be a range such as {@code [3.12,3.14]}. The extension defaults to
 * {@code jar} and the classifier to none.
 */
public record Coordinates(
    String groupId, String artifactId, String extension, String classifier, String version) {

  public Coordinates {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(classifier, "classifier");
    Objects.requireNonNull(version, "version");
  }

  /**
   * Parses {@code G:A[:E[:C]]:V}.
   *
   * @throws IllegalArgumentException with a message that says what is wrong and what is expected
   */
  public static Coordinates parse(String text) {
    String trimmed = text.strip();
    String[] parts = trimmed.split(":", -1);
    if (parts.length < 3 || parts.length > 5) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not G:A[:E[:C]]:V (groupId:artifactId[:extension[:classifier]]:version)");
    }
    for (String part : parts) {
      if (part.isEmpty() || part.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            "'" + text + "' has an empty or blank part; expected G:A[:E[:C]]:V");
      }
    }
    String version = parts[parts.length - 1];
    String extension = parts.length >= 4 ? parts[2] : "jar";
    String classifier = parts.length == 5 ? parts[3] : "";
    checkVersion(text, version);
    return new Coordinates(parts[0], parts[1], extension, classifier, version);
  }

  private static void checkVersion(String text, String version) {
    char first = version.charAt(0);
    char last = version.charAt(version.length() - 1);
    boolean opensRange = first == '[' || first == '(';
    boolean closesRange = last == ']' || last == ')';
    if (opensRange != closesRange) {
      throw new IllegalArgumentException(
          "'" + text + "' has an unbalanced version range; write it like [3.12,3.14] or [1.0,)");
    }
  }

  /** Whether the version is a range rather than one version. */
  public boolean isRange() {
    char first = version.charAt(0);
    return first == '[' || first == '(';
  }

  /** The same artifact at another version. */
  public Coordinates withVersion(String newVersion) {
    return new Coordinates(groupId, artifactId, extension, classifier, newVersion);
  }

  /** {@code groupId:artifactId}. */
  public String key() {
    return groupId + ":" + artifactId;
  }

  /** The artifact without its version: {@code G:A:E[:C]}, the key of a lock-file entry. */
  public String versionlessId() {
    return groupId
        + ":"
        + artifactId
        + ":"
        + extension
        + (classifier.isEmpty() ? "" : ":" + classifier);
  }

  /** {@code G:A:E[:C]:V}, the form {@link #parse} reads back. */
  @Override
  public String toString() {
    return versionlessId() + ":" + version;
  }
}
