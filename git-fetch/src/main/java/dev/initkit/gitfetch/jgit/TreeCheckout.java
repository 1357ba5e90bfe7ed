package dev.initkit.gitfetch.jgit;

import dev.initkit.common.failure.Classification;
import dev.initkit.common.log.ProgressReporter;
import dev.initkit.gitfetch.GitRemoteException;
import dev.initkit.gitfetch.ProgressSource;
import dev.initkit.gitfetch.TreeStats;
import dev.initkit.gitfetch.content.SparsePaths;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.StopWalkException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectChecker;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.TreeWalk.OperationType;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Writes a commit's tree into an empty work tree, and the index to match: one pass over the tree
 * checks each path and makes the directories, and hands the files to a {@link BlobWriterPool},
 * which writes them on several threads meanwhile. JGit's own {@code DirCacheCheckout} compares
 * three trees (index, commit, work tree) and writes each file to a temporary name first, then
 * renames it: right for updating a work tree in place, needless work for an empty staging directory
 * that nobody sees until it is published.
 *
 * <p>With sparse paths, only entries under them are written; the others still go into the index,
 * marked assume-unchanged, so that {@code git status} in the checkout does not list them as deleted
 * (and verification looks at the sparse paths only).
 */
final class TreeCheckout {
  /** A submodule entry of the tree: where it goes and the commit the superproject records. */
  record Gitlink(String path, ObjectId commit) {}

  /** What a checkout wrote: files and bytes, and the submodules whose directories it made. */
  record Written(TreeStats stats, List<Gitlink> gitlinks) {}

  private final Repository repo;
  private final Path workTree;
  private final BlobWriterPool writers;
  private final ObjectChecker pathChecker = new ObjectChecker();
  private final Set<Path> createdDirs = new HashSet<>();

  TreeCheckout(Repository repo, int threads) {
    this.repo = repo;
    this.workTree = repo.getWorkTree().toPath();
    this.writers = new BlobWriterPool(repo, repo.getConfig().get(WorkingTreeOptions.KEY), threads);
    createdDirs.add(workTree);
  }

  /**
   * Writes {@code commit}'s files (those under {@code sparse}) and the index, and returns what it
   * wrote, with the submodules under {@code sparse}, whose directories it created empty.
   *
   * @throws GitRemoteException (permanent) when a sparse path is not in the commit
   */
  Written write(RevCommit commit, SparsePaths sparse, ProgressSource progress)
      throws IOException, GitRemoteException {
    List<Gitlink> gitlinks = new ArrayList<>();
    TreeStats stats;
    DirCache index = repo.lockDirCache();
    try (ObjectReader reader = repo.newObjectReader();
        TreeWalk walk = new TreeWalk(repo, reader)) {
      checkSparsePathsExist(reader, commit, sparse);
      TreeFilter selected =
          sparse.isAll() ? TreeFilter.ALL : PathFilterGroup.createFromStrings(sparse.paths());
      DirCacheBuilder builder = index.builder();
      walk.setOperationType(OperationType.CHECKOUT_OP);
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      ProgressReporter reporter = progress.start("checking out files", 0);
      try (BlobWriterPool.Writing writing = writers.start(progress, reporter)) {
        while (walk.next()) {
          if (progress.cancelled()) {
            // As JGit's own checkout does: the interrupt tells the retrier not to try again.
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the checkout was stopped (SIGTERM)");
          }
          String path = walk.getPathString();
          checkPath(walk, path);
          DirCacheEntry entry = new DirCacheEntry(walk.getRawPath());
          FileMode mode = walk.getFileMode(0);
          entry.setFileMode(mode);
          entry.setObjectId(walk.getObjectId(0));
          if (!included(selected, walk)) {
            entry.setAssumeValid(true);
          } else if (mode == FileMode.GITLINK) {
            createDirectories(workTree.resolve(path));
            gitlinks.add(new Gitlink(path, walk.getObjectId(0)));
          } else {
            Path file = workTree.resolve(path);
            // A file is handed to the writers only once its directories are made (see
            // createDirectories).
            createDirectories(file.getParent());
            writing.add(
                new PendingFile(
                    file,
                    path,
                    mode,
                    walk.getObjectId(0),
                    mode == FileMode.SYMLINK ? null : walk.getCheckoutEolStreamType(0),
                    mode == FileMode.SYMLINK
                        ? null
                        : walk.getFilterCommand(Constants.ATTR_FILTER_TYPE_SMUDGE),
                    entry));
          }
          builder.add(entry);
        }
        stats = writing.finish();
      }
      reporter.finish();
      if (!builder.commit()) {
        throw new IOException("could not write the index of " + workTree);
      }
    } finally {
      index.unlock();
    }
    return new Written(stats, gitlinks);
  }

  /**
   * Whether the entry is selected. A path filter throws StopWalkException for an entry past all its
   * paths (sorted order): outside, as every later one.
   */
  private static boolean included(TreeFilter selected, TreeWalk walk) throws IOException {
    try {
      return selected.include(walk);
    } catch (StopWalkException e) {
      return false;
    }
  }

  /**
   * Creates a directory of the work tree and its missing parents, each once. Never through an
   * existing entry: the work tree starts empty, so anything already at a directory's path (a
   * symlink or a file of the same name, from a malformed tree) fails the checkout instead of
   * letting a write follow a symlink out of the work tree. A file is handed to the writers only
   * after its directories were made here, as directories: a symlink or file of a malformed tree at
   * a directory's path either makes this fail (written first) or fails to be written itself.
   */
  private void createDirectories(Path dir) throws IOException {
    if (createdDirs.contains(dir)) {
      return;
    }
    createDirectories(dir.getParent());
    Files.createDirectory(dir);
    createdDirs.add(dir);
  }

  /**
   * Refuses a tree entry that would escape the work tree or write into a {@code .git}: git's own
   * checkout rules, since the pack came from the server unchecked.
   */
  private void checkPath(TreeWalk walk, String path) throws IOException {
    try {
      pathChecker.checkPath(walk.getRawPath(), 0, walk.getPathLength());
    } catch (CorruptObjectException e) {
      throw new IOException("the commit holds an unsafe path '" + path + "': " + e.getMessage(), e);
    }
  }

  private static void checkSparsePathsExist(
      ObjectReader reader, RevCommit commit, SparsePaths sparse)
      throws IOException, GitRemoteException {
    List<String> missing = new ArrayList<>();
    for (String path : sparse.paths()) {
      try (TreeWalk found = TreeWalk.forPath(reader, path, commit.getTree())) {
        if (found == null) {
          missing.add(path);
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new GitRemoteException(
          Classification.permanentCause(
              "--sparse "
                  + String.join(", ", missing)
                  + (missing.size() == 1 ? " is" : " are")
                  + " not in commit "
                  + commit.name().substring(0, 8)
                  + ": check --sparse and --ref"),
          null);
    }
  }
}
