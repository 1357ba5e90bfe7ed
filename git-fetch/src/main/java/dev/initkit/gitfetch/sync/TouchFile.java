package dev.initkit.gitfetch.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;

/** {@code --touch-file}: a file whose modification time says "a new checkout is published". */
public final class TouchFile {
  private final Path path;
  private final Clock clock;

  public TouchFile(Path path, Clock clock) {
    this.path = path;
    this.clock = clock;
  }

  public Path path() {
    return path;
  }

  /** Sets the modification time to now, creating the file (empty) if it is missing. */
  public void touch() throws IOException {
    FileTime now = FileTime.from(clock.instant());
    try {
      Files.setLastModifiedTime(path, now);
    } catch (NoSuchFileException missing) {
      Files.createFile(path);
      Files.setLastModifiedTime(path, now);
    }
  }
}
