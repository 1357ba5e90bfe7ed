package dev.initkit.common.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Tells whether a path is a mount point, which cannot be renamed (rename fails with EBUSY). */
final class MountPoints {
  private MountPoints() {}

  /** True if {@code path} exists and lies on another device than its parent directory. */
  static boolean isMountPoint(Path path) throws IOException {
    Path absolute = path.toAbsolutePath();
    Path parent = absolute.getParent();
    if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    if (parent == null) {
      return true; // the root of the file system
    }
    Object device = Files.getAttribute(absolute, "unix:dev", LinkOption.NOFOLLOW_LINKS);
    Object parentDevice = Files.getAttribute(parent, "unix:dev");
    return !device.equals(parentDevice);
  }

  /** Resolves {@link DestinationType#DETECT} to one of the two concrete types. */
  static DestinationType resolve(Path dest, DestinationType type) throws IOException {
    if (type != DestinationType.DETECT) {
      return type;
    }
    return isMountPoint(dest) ? DestinationType.MOUNT_POINT : DestinationType.ORDINARY_PATH;
  }
}
