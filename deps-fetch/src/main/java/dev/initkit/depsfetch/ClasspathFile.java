package dev.initkit.depsfetch;

import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.publish.PublishOptions;
import dev.initkit.common.publish.StagingArea;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The classpath of the placed artifacts, in Maven's order, as the main container reads it: a
 * colon-separated list, or a Java {@code @argfile} ({@code java @classpath -jar ...}) holding
 * {@code -cp "<list>"}. Each entry is the prefix (where the main container mounts {@code --dest})
 * joined with the file's path under {@code --dest}.
 *
 * @param file where to write it, outside {@code --dest}
 * @param format its format
 * @param prefix the directory the entries start with
 */
public record ClasspathFile(Path file, Format format, String prefix) {
  /** How the list is written. */
  public enum Format {
    /** {@code a.jar:b.jar}, for {@code -cp "$(cat file)"} or CLASSPATH. */
    COLON,
    /** {@code -cp "a.jar:b.jar"}, for {@code java @file}. */
    ARGFILE
  }

  /** The text of the file for these artifacts. */
  String text(List<PlacedArtifact> artifacts) {
    String base = prefix.endsWith("/") ? prefix : prefix + "/";
    String list = artifacts.stream().map(a -> base + a.file()).collect(Collectors.joining(":"));
    if (format == Format.COLON) {
      return list + "\n";
    }
    return "-cp \"" + list.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n";
  }

  /** Writes the file whole (staged beside it and renamed in). */
  void write(List<PlacedArtifact> artifacts) throws IOException, InitkitException {
    try (StagingArea area = StagingArea.open(file, PublishOptions.file())) {
      Files.writeString(area.path(), text(artifacts), StandardCharsets.UTF_8);
      area.publish();
    }
  }
}
