package dev.initkit.gitfetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server may send trees that git itself would never make: the checkout must not write outside the
 * work tree for them.
 */
class CheckoutSafetyIT {
  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();

  @TempDir Path volume;
  @TempDir Path outside;

  @Test
  void aSymlinkAndADirectoryOfTheSameNameDoNotWriteThroughTheSymlink() throws Exception {
    TestRepository repo = server.repo("twins");
    Repository db = repo.repository();
    try (ObjectInserter inserter = db.newObjectInserter()) {
      TreeFormatter inner = new TreeFormatter();
      inner.append("planted", FileMode.REGULAR_FILE, blob(inserter, "escaped"));
      ObjectId innerTree = inserter.insert(inner);
      // Duplicate names in one tree: "a" as a symlink out of the work tree, then "a" as a tree.
      TreeFormatter top = new TreeFormatter();
      top.append("a", FileMode.SYMLINK, blob(inserter, outside.toString()));
      top.append("a", FileMode.TREE, innerTree);
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(inserter.insert(top));
      PersonIdent who = new PersonIdent("Mallory", "mallory@example.org");
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage("twins");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = db.updateRef(Constants.R_HEADS + "main");
      update.setNewObjectId(id);
      update.forceUpdate();
      db.updateRef(Constants.HEAD).link(Constants.R_HEADS + "main");
    }
    Path dest = volume.resolve("src");

    ToolResult result =
        GitFetchTesting.gitFetch(volume, "--repo", repo.url(), "--dest", dest.toString()).run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(outside.resolve("planted")).doesNotExist();
    assertThat(dest).doesNotExist();
  }

  private static ObjectId blob(ObjectInserter inserter, String content) throws Exception {
    return inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
  }
}
