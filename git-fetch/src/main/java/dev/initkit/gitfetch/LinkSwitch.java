package dev.initkit.gitfetch;

import dev.initkit.common.publish.Fsync;
import dev.initkit.common.publish.TreeDeleter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The symlink of the git-sync layout: {@code ROOT/NAME -> .worktrees/<commit>}, relative so that it
 * resolves the same in every container that mounts the volume, wherever it mounts it.
 */
final class LinkSwitch {
  private final Destination.Linked layout;

  LinkSwitch(Destination.Linked layout) {
    this.layout = layout;
  }

  /**
   * The checkout the link points at now, or empty when there is no link.
   *
   * @throws IOException when {@code NAME} exists but is not a symlink: git-fetch does not replace
   *     what it did not make
   */
  Optional<Path> current() throws IOException {
    Path link = layout.linkPath();
    if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    if (!Files.isSymbolicLink(link)) {
      throw new IOException(
          link + " exists and is not a symlink: remove it, or choose another --link");
    }
    return Optional.of(link.getParent().resolve(Files.readSymbolicLink(link)).normalize());
  }

  /** Points the link at {@code checkout} by renaming a new link over the old one (atomic). */
  void pointAt(Path checkout) throws IOException {
    Path link = layout.linkPath();
    Path target = link.getParent().relativize(checkout);
    // Unique, not secret: runs on one root are kept apart by the lock on their checkout.
    String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    Path temporary = link.resolveSibling("." + layout.link() + ".initkit-link-" + suffix);
    Files.createSymbolicLink(temporary, target);
    try {
      Files.move(temporary, link, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    Fsync.path(link.getParent());
  }

  /**
   * Removes every checkout but {@code keep}, and link leftovers of killed runs. Consumers that
   * still read an old checkout through a path they resolved earlier lose it: as in git-sync, the
   * link is the contract.
   */
  List<Path> prune(Path keep) throws IOException {
    List<Path> removed = new ArrayList<>();
    try (Stream<Path> entries = Files.list(layout.worktrees())) {
      for (Path entry : entries.toList()) {
        if (!entry.equals(keep) && !isLockOf(entry, keep)) {
          TreeDeleter.delete(entry);
          removed.add(entry);
        }
      }
    }
    String linkLeftover = "." + layout.link() + ".initkit-link-";
    try (Stream<Path> entries = Files.list(layout.root())) {
      for (Path entry : entries.toList()) {
        if (entry.getFileName().toString().startsWith(linkLeftover)) {
          Files.deleteIfExists(entry);
        }
      }
    }
    return removed;
  }

  private static boolean isLockOf(Path entry, Path keep) {
    return entry.getFileName().toString().equals("." + keep.getFileName() + ".initkit-lock");
  }
}
