package dev.initkit.depsfetch;

import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.publish.PublishOptions;
import dev.initkit.common.publish.StagingArea;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A lock file: every resolved artifact with its version and SHA-256, one per line, in classpath
 * order; {@code #} starts a comment.
 *
 * <pre>
 * org.slf4j:slf4j-api:jar:2.0.16 sha256:7d4e...
 * </pre>
 */
public final class LockFile {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final String HEADER =
      "# deps-fetch lock file: the resolved artifacts and their SHA-256, verified on every run.\n"
          + "# Rewrite it with --write-lock-file after changing the artifacts.\n";

  /** One locked artifact. */
  public record Entry(Coordinates coordinates, String sha256) {
    public Entry {
      Objects.requireNonNull(coordinates, "coordinates");
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  private final List<Entry> entries;

  public LockFile(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The locked versions by {@link Coordinates#versionlessId()}. */
  public Map<String, String> versions() {
    Map<String, String> versions = new LinkedHashMap<>();
    for (Entry entry : entries) {
      versions.put(entry.coordinates().versionlessId(), entry.coordinates().version());
    }
    return versions;
  }

  /**
   * Reads a lock file.
   *
   * @throws IllegalArgumentException when a line is malformed; the message names file and line
   */
  public static LockFile read(Path file) throws IOException {
    List<Entry> entries = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file + " line " + (i + 1);
      String[] parts = line.split("\\s+");
      if (parts.length != 2 || !parts[1].startsWith("sha256:")) {
        throw new IllegalArgumentException(
            where + ": expected 'G:A:E[:C]:V sha256:<hex>', found '" + line + "'");
      }
      String sha256 = parts[1].substring("sha256:".length());
      if (!SHA256.matcher(sha256).matches()) {
        throw new IllegalArgumentException(where + ": not a SHA-256 in lower-case hex: " + sha256);
      }
      Coordinates coordinates;
      try {
        coordinates = Coordinates.parse(parts[0]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
      if (coordinates.isRange() || parts[0].split(":").length < 4) {
        throw new IllegalArgumentException(
            where + ": a lock entry names one version with its extension, G:A:E[:C]:V");
      }
      entries.add(new Entry(coordinates, sha256));
    }
    return new LockFile(entries);
  }

  /** Writes the lock file whole, staged and renamed over the old one (common's publish). */
  public void write(Path file) throws IOException, InitkitException {
    StringBuilder text = new StringBuilder(HEADER);
    for (Entry entry : entries) {
      text.append(entry.coordinates()).append(" sha256:").append(entry.sha256()).append('\n');
    }
    try (StagingArea area = StagingArea.open(file, PublishOptions.file())) {
      Files.writeString(area.path(), text, StandardCharsets.UTF_8);
      area.publish();
    }
  }

  /** The differences between this lock and a resolution, one line each; empty when they agree. */
  public List<String> differences(List<Entry> resolved) {
    Map<String, Entry> locked = new LinkedHashMap<>();
    entries.forEach(e -> locked.put(e.coordinates().versionlessId(), e));
    List<String> differences = new ArrayList<>();
    for (Entry entry : resolved) {
      String id = entry.coordinates().versionlessId();
      Entry lock = locked.remove(id);
      if (lock == null) {
        differences.add(entry.coordinates() + " is not in the lock file");
      } else if (!lock.coordinates().version().equals(entry.coordinates().version())) {
        differences.add(
            id
                + " resolved to "
                + entry.coordinates().version()
                + ", the lock file has "
                + lock.coordinates().version());
      } else if (!lock.sha256().equals(entry.sha256())) {
        differences.add(
            entry.coordinates()
                + " has SHA-256 "
                + entry.sha256()
                + ", the lock file has "
                + lock.sha256());
      }
    }
    locked.values().forEach(e -> differences.add(e.coordinates() + " is locked but not resolved"));
    return differences;
  }
}
