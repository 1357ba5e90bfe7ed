package dev.initkit.gitfetch;

import dev.initkit.common.publish.DestinationType;
import java.nio.file.Path;
import java.util.Objects;

/** Where the checkout goes. */
public sealed interface Destination {
  /**
   * The direct layout ({@code --dest DIR}): the checkout is the directory itself, swapped in whole
   * by a rename. For consumers that cannot follow a symlink (Kaniko, subPath mounts). When {@code
   * DIR} is a mount point (it cannot be renamed), its entries are replaced and a completion marker
   * is written last, by common's publisher.
   *
   * @param type how the swap is done: {@link DestinationType#DETECT} (a mount point when {@code
   *     DIR} lies on another device than its parent) unless the caller knows better
   */
  record Direct(Path dir, DestinationType type) implements Destination {
    public Direct {
      dir = dir.toAbsolutePath().normalize();
      Objects.requireNonNull(type, "type");
    }

    /** A directory whose kind (ordinary path or mount point) is detected when publishing. */
    public Direct(Path dir) {
      this(dir, DestinationType.DETECT);
    }
  }

  /**
   * The git-sync layout ({@code --root DIR --link NAME}): each commit is checked out into {@code
   * DIR/.worktrees/<commit>}, and the relative symlink {@code DIR/NAME} points at the current one.
   * The link is swapped by an atomic rename; older checkouts are pruned.
   */
  record Linked(Path root, String link) implements Destination {
    /** The folder under the root that holds one checkout per commit. */
    public static final String WORKTREES = ".worktrees";

    public Linked {
      root = root.toAbsolutePath().normalize();
      Objects.requireNonNull(link, "link");
    }

    public Path linkPath() {
      return root.resolve(link);
    }

    public Path worktrees() {
      return root.resolve(WORKTREES);
    }
  }
}
