package dev.initkit.gitfetch.jgit;

import dev.initkit.common.publish.TreeDeleter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The files a {@link StreamingCheckout} wrote during the fetch, by path, each with its index entry
 * (stat data filled in), and the directories it made: what {@link TreeCheckout} goes on from.
 */
final class EarlyFiles {
  private final ObjectId commit;
  private final Path workTree;
  private final WorkTreeDirectories dirs;
  private final Map<String, DirCacheEntry> byPath;
  private final boolean wholeTree;

  /**
   * @param byPath the files by path, taken over (not copied): {@link #take} removes from it
   * @param wholeTree whether these are all the commit's entries, each a file or symlink written as
   *     it is, with no {@code .gitattributes} in the tree
   */
  EarlyFiles(
      ObjectId commit,
      Path workTree,
      WorkTreeDirectories dirs,
      Map<String, DirCacheEntry> byPath,
      boolean wholeTree) {
    this.commit = commit;
    this.workTree = workTree;
    this.dirs = dirs;
    this.byPath = byPath;
    this.wholeTree = wholeTree;
  }

  /** None: an empty work tree. */
  static EarlyFiles none(Path workTree) {
    return new EarlyFiles(
        null, workTree, new WorkTreeDirectories(workTree), new HashMap<>(), false);
  }

  /**
   * These files when they are {@code fetched}'s. Otherwise the ref moved between resolving it and
   * fetching, and a full-history fetch brought the commit first resolved too: its files are removed
   * (all but {@code .git}), and the checkout starts from an empty work tree.
   */
  EarlyFiles of(ObjectId fetched) throws IOException {
    if (byPath.isEmpty() || fetched.equals(commit)) {
      return this;
    }
    try (Stream<Path> entries = Files.list(workTree)) {
      for (Path entry : entries.toList()) {
        if (!entry.getFileName().toString().equals(Constants.DOT_GIT)) {
          TreeDeleter.delete(entry);
        }
      }
    }
    return none(workTree);
  }

  WorkTreeDirectories dirs() {
    return dirs;
  }

  /**
   * Whether the checkout is done but for its index: every entry of the commit's tree is a file or
   * symlink written here, as it is, and no {@code .gitattributes} could ask for another content.
   */
  boolean isWholeTree() {
    return wholeTree;
  }

  /** Every index entry, taken. */
  Collection<DirCacheEntry> takeAll() {
    List<DirCacheEntry> all = new ArrayList<>(byPath.values());
    byPath.clear();
    return all;
  }

  /** The index entry of the file written at {@code path}, or null; each is taken once. */
  DirCacheEntry take(String path) {
    return byPath.remove(path);
  }

  /** Fails unless every file was taken: one the checkout did not find is not the commit's. */
  void checkAllTaken() {
    if (!byPath.isEmpty()) {
      throw new IllegalStateException(
          "files written early that are not in the commit: " + byPath.keySet());
    }
  }
}
