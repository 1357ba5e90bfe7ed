package dev.initkit.depsfetch;

import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.publish.DestinationType;
import dev.initkit.common.publish.PublishOptions;
import dev.initkit.common.publish.PublishedResult;
import dev.initkit.common.publish.ShutdownGuard;
import dev.initkit.common.publish.StagingArea;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Publishes through common's {@link StagingArea}: locked against other runs on the same
 * destination, staged on the same volume (beside an ordinary path, inside a mount point), swapped
 * in whole, and guarded against SIGTERM by a {@link ShutdownGuard} on the calling thread.
 */
final class StagingPublisher implements ResultPublisher {
  private final DestinationType type;

  /** Detects whether the destination is a mount point, as in production. */
  StagingPublisher() {
    this(DestinationType.DETECT);
  }

  /** Publishes as {@code type} says; tests force a mount point on a plain directory with it. */
  StagingPublisher(DestinationType type) {
    this.type = type;
  }

  @Override
  public Staging open(Path dest) throws IOException, InitkitException {
    ShutdownGuard guard = ShutdownGuard.open();
    try {
      StagingArea area =
          guard.protect(StagingArea.open(dest, PublishOptions.directory().withType(type)));
      return new GuardedStaging(guard, area);
    } catch (IOException | InitkitException | RuntimeException e) {
      guard.close();
      throw e;
    }
  }

  @Override
  public boolean isComplete(Path dest) throws IOException {
    return PublishedResult.isComplete(dest, type);
  }

  private record GuardedStaging(ShutdownGuard guard, StagingArea area) implements Staging {
    @Override
    public Path path() {
      return area.path();
    }

    @Override
    public void publish() throws IOException {
      area.publish();
    }

    @Override
    public void close() throws IOException {
      try {
        area.close();
      } finally {
        guard.close();
      }
    }
  }
}
