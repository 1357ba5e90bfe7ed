package dev.initkit.common.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a re-run or a consumer may trust at a destination: on an ordinary path, whatever exists is
 * complete (it arrived by one rename); on a mount point, only a result with its completion marker.
 */
public final class PublishedResult {
  /**
   * What the names of the publisher's own entries inside a result start with: the completion
   * marker, and a mount point's lock and staging. A tool leaves them out of what it counts or shows
   * (git-fetch: file counts, {@code .git/info/exclude}).
   */
  public static final String ENTRY_PREFIX = ".initkit-";

  private PublishedResult() {}

  /** Whether {@code entry} is one of the publisher's own, not part of the tool's result. */
  public static boolean isPublisherEntry(Path entry) {
    Path name = entry.getFileName();
    return name != null && name.toString().startsWith(ENTRY_PREFIX);
  }

  /** True if {@code dest} holds a complete result published by {@link StagingArea}. */
  public static boolean isComplete(Path dest, DestinationType type) throws IOException {
    Path absolute = dest.toAbsolutePath().normalize();
    if (MountPoints.resolve(absolute, type) == DestinationType.MOUNT_POINT) {
      return Files.isRegularFile(absolute.resolve(CompletionMarker.FILE_NAME));
    }
    return Files.exists(absolute, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * The text given to {@link StagingArea#publish(String)} for the directory result at {@code dest},
   * or empty if there is none (nothing published, published without text, or a mount point whose
   * publication did not finish).
   */
  public static Optional<String> completionText(Path dest) throws IOException {
    Path absolute = dest.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      return Optional.empty();
    }
    return CompletionMarker.read(absolute).filter(text -> !text.isEmpty());
  }
}
