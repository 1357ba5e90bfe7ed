package dev.initkit.gitfetch.jgit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The directories a checkout made in its work tree, which starts empty. Each is made once, and
 * never through an existing entry: anything already at a directory's path (a symlink or a file of
 * the same name, from a malformed tree) fails the checkout instead of letting a write follow a
 * symlink out of the work tree. A file is handed to the writers only after its directories were
 * made here, as directories: a symlink or file of a malformed tree at a directory's path either
 * makes this fail (written first) or fails to be written itself.
 *
 * <p>Used by one thread at a time: the fetch's while it receives the pack ({@link
 * StreamingCheckout}), then the checkout's ({@link TreeCheckout}).
 */
final class WorkTreeDirectories {
  private final Set<Path> created = new HashSet<>();

  WorkTreeDirectories(Path workTree) {
    created.add(workTree);
  }

  /** Creates {@code dir} and its missing parents inside the work tree. */
  void create(Path dir) throws IOException {
    if (created.contains(dir)) {
      return;
    }
    create(dir.getParent());
    Files.createDirectory(dir);
    created.add(dir);
  }
}
