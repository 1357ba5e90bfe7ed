package dev.initkit.depsfetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record deps-fetch keeps in {@code --dest} ({@value #FILE_NAME}): the fingerprint of the
 * inputs and every placed file with its size and SHA-256. A re-run with the same inputs verifies
 * the files against it and skips the resolution.
 */
final class Manifest {
  static final String FILE_NAME = ".deps-fetch-manifest";
  private static final String HEADER = "deps-fetch manifest 1";

  private final String fingerprint;
  private final List<PlacedArtifact> artifacts;
  private final Map<String, String> trees;

  /**
   * @param trees the tree SHA-256 of each unpacked archive's directory, by its path
   */
  Manifest(String fingerprint, List<PlacedArtifact> artifacts, Map<String, String> trees) {
    this.fingerprint = fingerprint;
    this.artifacts = List.copyOf(artifacts);
    this.trees = Map.copyOf(trees);
  }

  Map<String, String> trees() {
    return trees;
  }

  String fingerprint() {
    return fingerprint;
  }

  List<PlacedArtifact> artifacts() {
    return artifacts;
  }

  void write(Path dir) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("fingerprint\t").append(fingerprint).append('\n');
    for (PlacedArtifact a : artifacts) {
      text.append(
          String.join(
              "\t",
              "artifact",
              a.sha256(),
              Long.toString(a.size()),
              a.file(),
              a.coordinates().toString(),
              a.repository(),
              trees.getOrDefault(a.file(), "-")));
      text.append('\n');
    }
    Files.writeString(dir.resolve(FILE_NAME), text, StandardCharsets.UTF_8);
  }

  /** The manifest in {@code dir}, or empty when there is none or it is unreadable. */
  static Optional<Manifest> read(Path dir) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(dir.resolve(FILE_NAME), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (lines.size() < 2
        || !lines.get(0).equals(HEADER)
        || !lines.get(1).startsWith("fingerprint\t")) {
      return Optional.empty();
    }
    String fingerprint = lines.get(1).substring("fingerprint\t".length());
    List<PlacedArtifact> artifacts = new ArrayList<>();
    Map<String, String> trees = new LinkedHashMap<>();
    for (String line : lines.subList(2, lines.size())) {
      String[] f = line.split("\t", -1);
      if (f.length != 7 || !f[0].equals("artifact")) {
        return Optional.empty();
      }
      if (!f[6].equals("-")) {
        trees.put(f[3], f[6]);
      }
      try {
        artifacts.add(
            new PlacedArtifact(Coordinates.parse(f[4]), f[3], f[1], Long.parseLong(f[2]), f[5]));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.of(new Manifest(fingerprint, artifacts, trees));
  }
}
