package dev.initkit.depsfetch;

import java.util.Objects;

/**
 * An {@code --exclude G:A} pattern: each part is a name or {@code *}, which matches any.
 *
 * @param groupId a groupId or {@code *}
 * @param artifactId an artifactId or {@code *}
 */
public record Exclusion(String groupId, String artifactId) {
  public static final String ANY = "*";

  public Exclusion {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(artifactId, "artifactId");
  }

  /**
   * Parses {@code G:A}, either part possibly {@code *}.
   *
   * @throws IllegalArgumentException when the text is not of that form
   */
  public static Exclusion parse(String text) {
    String[] parts = text.strip().split(":", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not G:A (either part may be *, like org.slf4j:* or *:commons-logging)");
    }
    for (String part : parts) {
      if (part.contains("*") && !part.equals(ANY)) {
        throw new IllegalArgumentException(
            "'" + text + "': * matches a whole groupId or artifactId, not part of one");
      }
    }
    return new Exclusion(parts[0], parts[1]);
  }

  @Override
  public String toString() {
    return groupId + ":" + artifactId;
  }
}
