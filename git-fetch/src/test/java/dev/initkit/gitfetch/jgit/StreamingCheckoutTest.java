package dev.initkit.gitfetch.jgit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.gitfetch.ProgressSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.BlobObjectChecker;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a fetch writes as the pack parser hands it objects: the test hands them over as {@link
 * org.eclipse.jgit.transport.PackParser} does (whole blobs in chunks through a blob checker, other
 * objects and delta-resolved blobs whole), in the orders a pack may have.
 */
class StreamingCheckoutTest {
  private static final ObjectInserter.Formatter IDS = new ObjectInserter.Formatter();
  private static final PersonIdent AUTHOR =
      new PersonIdent("Test", "test@example.org", 1_700_000_000_000L, 0);

  @TempDir Path dir;
  private Repository repo;
  private Path workTree;
  private final List<Object[]> objects = new ArrayList<>();

  @BeforeEach
  void createRepository() throws Exception {
    workTree = Files.createDirectory(dir.resolve("work"));
    repo =
        new FileRepositoryBuilder()
            .setGitDir(workTree.resolve(".git").toFile())
            .setWorkTree(workTree.toFile())
            .build();
    repo.create(false);
  }

  @AfterEach
  void closeRepository() {
    repo.close();
  }

  @Test
  void writesTheCommitsFilesWithTheirModesAsTheirBlobsArrive() throws Exception {
    ObjectId readme = blob("readme\n");
    ObjectId script = blob("#!/bin/sh\necho hi\n");
    ObjectId link = blob("README.md");
    ObjectId sub = tree(entry("naïve.txt", FileMode.REGULAR_FILE, blob("é\n")));
    ObjectId root =
        tree(
            entry("README.md", FileMode.REGULAR_FILE, readme),
            entry("link", FileMode.SYMLINK, link),
            entry("run.sh", FileMode.EXECUTABLE_FILE, script),
            entry("src", FileMode.TREE, sub));
    ObjectId commit = commit(root);

    EarlyFiles early = replay(commit, packOrder());

    assertThat(workTree.resolve("README.md")).hasContent("readme");
    assertThat(Files.readString(workTree.resolve("run.sh"))).isEqualTo("#!/bin/sh\necho hi\n");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(workTree.resolve("run.sh"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(Files.readSymbolicLink(workTree.resolve("link"))).isEqualTo(Path.of("README.md"));
    assertThat(workTree.resolve("src/naïve.txt")).hasContent("é");
    DirCacheEntry entry = early.take("src/naïve.txt");
    assertThat(entry.getObjectId()).isEqualTo(objectIdOf("é\n"));
    assertThat(entry.getLength()).isEqualTo(3);
    assertThat(entry.getLastModifiedInstant()).isNotNull();
    assertThat(early.take("README.md").getFileMode()).isEqualTo(FileMode.REGULAR_FILE);
    assertThat(early.take("run.sh").getFileMode()).isEqualTo(FileMode.EXECUTABLE_FILE);
    assertThat(early.take("link").getFileMode()).isEqualTo(FileMode.SYMLINK);
    early.checkAllTaken();
    assertThat(early.isWholeTree()).isTrue();
  }

  @Test
  void writesABlobAtEveryPathThatNamesItAndATreeAtEveryPathThatHoldsIt() throws Exception {
    ObjectId same = blob("same\n");
    ObjectId sub =
        tree(entry("a", FileMode.REGULAR_FILE, same), entry("b", FileMode.REGULAR_FILE, same));
    ObjectId root = tree(entry("one", FileMode.TREE, sub), entry("two", FileMode.TREE, sub));

    EarlyFiles early = replay(commit(root), packOrder());

    for (String path : List.of("one/a", "one/b", "two/a", "two/b")) {
      assertThat(workTree.resolve(path)).hasContent("same");
      assertThat(early.take(path)).as(path).isNotNull();
    }
    early.checkAllTaken();
  }

  @Test
  void writesBlobsResolvedFromDeltasAndTreesThatCameAfterTheirParent() throws Exception {
    ObjectId blob = blob("from a delta\n");
    ObjectId sub = tree(entry("f", FileMode.REGULAR_FILE, blob));
    ObjectId root = tree(entry("d", FileMode.TREE, sub));
    ObjectId commit = commit(root);
    List<Object[]> order = new ArrayList<>(packOrder());
    // The subtree first, its parent later: it waits for its path. The blob whole, as a
    // delta-resolved one is handed over.
    Object[] subtree = order.remove(find(order, sub));
    order.add(find(order, root) + 1, subtree);

    try (StreamingCheckout checkout = checkout(commit)) {
      for (Object[] object : order) {
        checkout.check((ObjectId) object[0], (int) object[1], (byte[]) object[2]);
      }
      EarlyFiles early = checkout.finish();
      assertThat(workTree.resolve("d/f")).hasContent("from a delta");
      assertThat(early.take("d/f")).isNotNull();
    }
  }

  @Test
  void leavesBlobsThatCameBeforeTheirTreeToTheCheckout() throws Exception {
    ObjectId blob = blob("early\n");
    ObjectId root = tree(entry("f", FileMode.REGULAR_FILE, blob));
    ObjectId commit = commit(root);
    List<Object[]> order = new ArrayList<>(packOrder());
    order.add(0, order.remove(find(order, blob)));

    EarlyFiles early = replay(commit, order);

    assertThat(workTree.resolve("f")).doesNotExist();
    assertThat(early.take("f")).isNull();
    assertThat(early.isWholeTree()).isFalse();
  }

  @Test
  void writesNothingForAnotherCommit() throws Exception {
    ObjectId root = tree(entry("f", FileMode.REGULAR_FILE, blob("x\n")));
    commit(root);

    EarlyFiles early = replay(ObjectId.zeroId(), packOrder());

    assertThat(workTree.resolve("f")).doesNotExist();
    assertThat(early.take("f")).isNull();
    assertThat(early.isWholeTree()).isFalse();
  }

  @Test
  void anAttributesFileOrASubmoduleLeavesTheRestToTheCheckout() throws Exception {
    ObjectId text = blob("text\n");
    ObjectId attributes =
        tree(
            entry(".gitattributes", FileMode.REGULAR_FILE, blob("*.txt eol=crlf\n")),
            entry("a.txt", FileMode.REGULAR_FILE, text));
    ObjectId submodule =
        tree(
            entry("lib", FileMode.GITLINK, ObjectId.zeroId()),
            entry("a.txt", FileMode.REGULAR_FILE, text));

    EarlyFiles withAttributes = replay(commit(attributes), packOrder());
    assertThat(withAttributes.take("a.txt")).isNotNull();
    assertThat(withAttributes.isWholeTree()).isFalse();

    withAttributes.of(ObjectId.zeroId()); // empties the work tree for the next commit
    EarlyFiles withSubmodule = replay(commit(submodule), packOrder());
    assertThat(withSubmodule.take("a.txt")).isNotNull();
    assertThat(withSubmodule.isWholeTree()).isFalse();
  }

  @Test
  void leavesBlobsOverTheLimitAndUnsafePathsToTheCheckout() throws Exception {
    ObjectId large = blob("x".repeat(StreamingCheckout.BLOB_LIMIT + 1));
    ObjectId small = blob("small\n");
    ObjectId hooks = tree(entry("post-checkout", FileMode.EXECUTABLE_FILE, small));
    ObjectId dotGit = tree(entry("hooks", FileMode.TREE, hooks));
    ObjectId root =
        tree(
            entry(".git", FileMode.TREE, dotGit),
            entry("large.bin", FileMode.REGULAR_FILE, large),
            entry("small.txt", FileMode.REGULAR_FILE, small));

    EarlyFiles early = replay(commit(root), packOrder());

    assertThat(workTree.resolve("large.bin")).doesNotExist();
    assertThat(workTree.resolve(".git/hooks/post-checkout")).doesNotExist();
    assertThat(workTree.resolve("small.txt")).hasContent("small");
    assertThat(early.take("small.txt")).isNotNull();
    early.checkAllTaken();
    assertThat(early.isWholeTree()).isFalse();
  }

  @Test
  void reportsAFileItCouldNotWriteWhenTheFetchIsDone() throws Exception {
    ObjectId root = tree(entry("taken", FileMode.REGULAR_FILE, blob("x\n")));
    ObjectId commit = commit(root);
    Files.writeString(workTree.resolve("taken"), "already there");

    try (StreamingCheckout checkout = checkout(commit)) {
      feed(checkout, packOrder());
      assertThatThrownBy(checkout::finish).isInstanceOf(FileAlreadyExistsException.class);
    }
  }

  @Test
  void removesTheFilesOfAnotherCommitThanTheOneFetched() throws Exception {
    ObjectId root =
        tree(entry("dir", FileMode.TREE, tree(entry("f", FileMode.REGULAR_FILE, blob("x\n")))));
    ObjectId commit = commit(root);
    EarlyFiles early = replay(commit, packOrder());

    EarlyFiles kept = early.of(commit);
    EarlyFiles none = early.of(ObjectId.zeroId());

    assertThat(kept).isSameAs(early);
    assertThat(none.take("dir/f")).isNull();
    try (var entries = Files.list(workTree)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(".git");
    }
    assertThat(workTree.resolve(".git/HEAD")).exists();
  }

  private EarlyFiles replay(ObjectId commit, List<Object[]> order) throws Exception {
    try (StreamingCheckout checkout = checkout(commit)) {
      feed(checkout, order);
      return checkout.finish();
    }
  }

  private StreamingCheckout checkout(ObjectId commit) {
    BlobWriterPool writers =
        new BlobWriterPool(repo, repo.getConfig().get(WorkingTreeOptions.KEY), 2);
    ProgressSource noReports =
        (task, total) -> {
          throw new AssertionError("the fetch reports its own progress, not the checkout's");
        };
    return new StreamingCheckout(commit, workTree, writers, noReports);
  }

  /** As the pack parser: whole blobs in two chunks through a blob checker, the rest whole. */
  private static void feed(StreamingCheckout checkout, List<Object[]> order) throws Exception {
    for (Object[] object : order) {
      ObjectId id = (ObjectId) object[0];
      int type = (int) object[1];
      byte[] raw = (byte[]) object[2];
      if (type != Constants.OBJ_BLOB) {
        checkout.check(id, type, raw);
        continue;
      }
      BlobObjectChecker blob = checkout.newBlobObjectChecker();
      if (blob != null) {
        int half = raw.length / 2;
        blob.update(raw, 0, half);
        blob.update(raw, half, raw.length - half);
        blob.endBlob(id.copy());
      }
    }
  }

  /** Commits, then trees, then blobs, each in the order made: as git and JGit write packs. */
  private List<Object[]> packOrder() {
    List<Object[]> order = new ArrayList<>();
    for (int type : new int[] {Constants.OBJ_COMMIT, Constants.OBJ_TREE, Constants.OBJ_BLOB}) {
      for (Object[] object : objects) {
        if ((int) object[1] == type) {
          order.add(object);
        }
      }
    }
    return order;
  }

  private static int find(List<Object[]> order, ObjectId id) {
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i)[0].equals(id)) {
        return i;
      }
    }
    throw new AssertionError("no object " + id.name());
  }

  private ObjectId blob(String text) {
    return add(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectId objectIdOf(String text) {
    return IDS.idFor(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
  }

  private record Entry(String name, FileMode mode, ObjectId id) {}

  private static Entry entry(String name, FileMode mode, ObjectId id) {
    return new Entry(name, mode, id);
  }

  private ObjectId tree(Entry... entries) {
    TreeFormatter tree = new TreeFormatter();
    for (Entry entry : entries) {
      tree.append(entry.name(), entry.mode(), entry.id());
    }
    return add(Constants.OBJ_TREE, tree.toByteArray());
  }

  private ObjectId commit(ObjectId tree) throws Exception {
    CommitBuilder commit = new CommitBuilder();
    commit.setTreeId(tree);
    commit.setAuthor(AUTHOR);
    commit.setCommitter(AUTHOR);
    commit.setMessage("test\n");
    return add(Constants.OBJ_COMMIT, commit.build());
  }

  private ObjectId add(int type, byte[] raw) {
    ObjectId id = IDS.idFor(type, raw);
    if (objects.stream().noneMatch(o -> o[0].equals(id))) {
      objects.add(new Object[] {id, type, raw});
    }
    return id;
  }
}
