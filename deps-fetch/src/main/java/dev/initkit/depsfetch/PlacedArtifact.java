package dev.initkit.depsfetch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One artifact placed in {@code --dest}.
 *
 * @param coordinates its coordinates at the resolved version
 * @param file its path relative to {@code --dest}, with {@code /} separators
 * @param sha256 the SHA-256 of the placed file, lower-case hex
 * @param size its size in bytes
 * @param repository the id of the repository it came from, empty when it came from the cache
 */
public record PlacedArtifact(
    Coordinates coordinates, String file, String sha256, long size, String repository) {

  /** This artifact as a report entry. */
  public Map<String, Object> toReport() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("coordinates", coordinates.toString());
    entry.put("file", file);
    entry.put("sha256", sha256);
    entry.put("size", size);
    entry.put("repository", repository);
    return entry;
  }
}
