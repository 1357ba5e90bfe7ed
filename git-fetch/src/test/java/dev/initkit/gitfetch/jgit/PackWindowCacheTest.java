package dev.initkit.gitfetch.jgit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.storage.file.WindowCacheStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a pack several times the cache's size keeps at most about the limit in windows. */
class PackWindowCacheTest {
  private static final int BLOBS = 64;
  private static final int BLOB_SIZE = 64 * 1024; // random: 4 MiB packed, 4x the limit

  @TempDir Path dir;

  @Test
  void readingABigPackKeepsTheWindowsNearTheLimit() throws Exception {
    PackWindowCache.install();
    try (Repository repo =
        new FileRepositoryBuilder().setGitDir(dir.resolve("repo.git").toFile()).build()) {
      repo.create(true);
      List<ObjectId> blobs = new ArrayList<>();
      Random random = new Random(42);
      try (ObjectInserter inserter = repo.newObjectInserter()) {
        TreeFormatter tree = new TreeFormatter();
        for (int i = 0; i < BLOBS; i++) {
          byte[] data = new byte[BLOB_SIZE];
          random.nextBytes(data);
          ObjectId blob = inserter.insert(Constants.OBJ_BLOB, data);
          blobs.add(blob);
          tree.append(String.format("f%02d", i), FileMode.REGULAR_FILE, blob);
        }
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(inserter.insert(tree));
        PersonIdent who = new PersonIdent("test", "test@example.org");
        commit.setAuthor(who);
        commit.setCommitter(who);
        ObjectId head = inserter.insert(commit);
        inserter.flush();
        RefUpdate update = repo.updateRef(Constants.R_HEADS + "main");
        update.setNewObjectId(head);
        update.forceUpdate();
      }
      try (Git git = Git.wrap(repo)) {
        git.gc().call(); // into one pack: GC packs what a ref reaches
      }

      long most = 0;
      try (ObjectReader reader = repo.newObjectReader()) {
        for (ObjectId blob : blobs) {
          assertThat(reader.open(blob).getCachedBytes()).hasSize(BLOB_SIZE);
          most = Math.max(most, WindowCacheStats.getStats().getOpenByteCount());
        }
      }

      assertThat(most).isPositive().isLessThanOrEqualTo(2 * PackWindowCache.LIMIT_BYTES);
    }
  }
}
