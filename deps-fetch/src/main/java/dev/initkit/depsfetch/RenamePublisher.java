package dev.initkit.depsfetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Stages beside the destination and renames the result in: the old result is moved aside, the new
 * one renamed in, the old one deleted. The destination is absent for an instant at most, never
 * half-written. A stand-in for common's publisher (which adds a lock, mount points and fsync).
 */
final class RenamePublisher implements ResultPublisher {
  static final String STAGING = "staging";
  static final String OLD = "old";

  @Override
  public Staging open(Path dest) throws IOException {
    Path absolute = dest.toAbsolutePath().normalize();
    Files.createDirectories(absolute.getParent());
    SiblingPaths.removeStale(absolute, STAGING);
    SiblingPaths.removeStale(absolute, OLD);
    Path staging = SiblingPaths.create(absolute, STAGING);
    Files.createDirectory(staging);
    return new RenameStaging(absolute, staging);
  }

  private static final class RenameStaging implements Staging {
    private final Path dest;
    private final Path staging;
    private boolean published;

    RenameStaging(Path dest, Path staging) {
      this.dest = dest;
      this.staging = staging;
    }

    @Override
    public Path path() {
      return staging;
    }

    @Override
    public void publish() throws IOException {
      Path old = null;
      if (Files.exists(dest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        old = SiblingPaths.create(dest, OLD);
        Files.move(dest, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, dest, StandardCopyOption.ATOMIC_MOVE);
      published = true;
      if (old != null) {
        SiblingPaths.deleteTree(old);
      }
    }

    @Override
    public void close() throws IOException {
      if (!published) {
        SiblingPaths.deleteTree(staging);
      }
    }
  }
}
