package dev.initkit.gitfetch.jgit;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directories a checkout made in its work tree, which starts empty. Each is made once, and
 * never through an existing entry: anything already at a directory's path (a symlink or a file of
 * the same name, from a malformed tree) fails the checkout instead of letting a write follow a
 * symlink out of the work tree. A file is written only after its directories were made here, as
 * directories: a symlink or file of a malformed tree at a directory's path either makes this fail
 * (written first) or fails to be written itself.
 *
 * <p>Safe for several threads: the writers make the directories of the files they write during the
 * fetch ({@link StreamingCheckout}). A directory another writer made meanwhile is accepted only as
 * a directory, never as a symlink: nothing but this class makes directories in the work tree.
 */
final class WorkTreeDirectories {
  private final Set<Path> created = ConcurrentHashMap.newKeySet();

  WorkTreeDirectories(Path workTree) {
    created.add(workTree);
  }

  /** Creates {@code dir} and its missing parents inside the work tree. */
  void create(Path dir) throws IOException {
    if (created.contains(dir)) {
      return;
    }
    create(dir.getParent());
    try {
      Files.createDirectory(dir);
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw e;
      }
    }
    created.add(dir);
  }
}
