package dev.initkit.gitfetch.jgit;

import dev.initkit.gitfetch.ProgressSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.BlobObjectChecker;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectChecker;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * Checks a commit's files out while the fetch still receives the pack, from the objects' bytes as
 * the pack parser inflates and hashes them: each file is then written without reading the pack a
 * second time, and on other threads than the parser's. It hooks in as the fetch's object checker,
 * which JGit hands every object, with its id, as it is received.
 *
 * <p>The commit's trees come first in a pack (git and JGit both write commits, then trees, then
 * blobs), so the paths are known when the blobs arrive. A blob is written when its id is one the
 * commit's trees name; whatever cannot be written early (a blob that came before its tree, a blob
 * over {@link #BLOB_LIMIT}, a submodule) is left for {@link TreeCheckout}. Early files are written
 * as they are, with no attributes applied, since those are only known once every {@code
 * .gitattributes} blob has arrived: when the tree has one, the checkout looks up each early file's
 * attributes and writes it again where they ask for a conversion; when the early files are the
 * whole tree and it has none, the checkout only writes the index.
 *
 * <p>Every id here was computed by the parser from the bytes themselves, so a blob written early is
 * the content its tree entry names, whatever else the pack holds; the fetch's failure (a broken
 * pack, a dropped connection) still discards the whole attempt.
 *
 * <p>Called on the parser's thread; {@link #finish} or {@link #close} on the fetch's, after it.
 */
final class StreamingCheckout extends ObjectChecker implements AutoCloseable {
  /** Larger blobs are not held in memory: the checkout writes them from the pack. */
  static final int BLOB_LIMIT = ContentSlabs.SLAB_BYTES;

  /**
   * How many bytes of trees are kept for paths not known yet: a full-history fetch brings every
   * past tree too, and keeping them all would not fit a small heap. Past that, paths under trees
   * still awaited are left to the checkout.
   */
  static final int TREE_BYTES_LIMIT = 8 << 20;

  private static final byte[] TREE_HEADER = "tree ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ATTRIBUTES_FILE =
      Constants.DOT_GIT_ATTRIBUTES.getBytes(StandardCharsets.US_ASCII);

  private final ObjectId commit;
  private final Path workTree;
  private final WorkTreeDirectories dirs;
  private final BlobWriterPool.Writing writing;
  private final ObjectChecker pathChecker = new ObjectChecker();

  private final Map<ObjectId, byte[]> trees = new HashMap<>();
  private long treeBytes;
  private final Map<ObjectId, List<byte[]>> awaitedTrees = new HashMap<>();
  private final Map<ObjectId, List<Placement>> awaitedBlobs = new HashMap<>();
  private final Map<String, DirCacheEntry> written = new ConcurrentHashMap<>();
  private final ContentSlabs slabs = new ContentSlabs();
  private final BlobBuffer buffer = new BlobBuffer();
  private IOException failure;
  private boolean rootSeen;

  /** Whether an entry of the commit's tree was left to the checkout, or has attributes. */
  private boolean entryLeft;

  /** A file of the commit's tree: its path from the work tree's top, and its mode. */
  private record Placement(byte[] rawPath, FileMode mode) {}

  /**
   * @param commit the commit whose files to write: the one the fetch asks for
   */
  StreamingCheckout(
      ObjectId commit, Path workTree, BlobWriterPool writers, ProgressSource progress) {
    this.commit = commit;
    this.workTree = workTree;
    this.dirs = new WorkTreeDirectories(workTree);
    this.writing = writers.startInBackground(progress);
  }

  @Override
  public void check(AnyObjectId id, int type, byte[] raw) throws CorruptObjectException {
    switch (type) {
      case Constants.OBJ_COMMIT -> {
        if (commit.equals(id)) {
          rootTree(raw);
        }
      }
      case Constants.OBJ_TREE -> tree(id.copy(), raw);
      case Constants.OBJ_BLOB -> {
        // A blob resolved from a delta, after the pack: its bytes come whole.
        slabs.begin();
        slabs.append(raw, 0, raw.length);
        blob(id);
      }
      default -> {
        // Tags carry no files.
      }
    }
  }

  @Override
  public BlobObjectChecker newBlobObjectChecker() {
    if (awaitedBlobs.isEmpty()) {
      return null; // no blob can be wanted: spare the copy
    }
    slabs.begin();
    return buffer;
  }

  /**
   * Waits for the files handed to the writers.
   *
   * @return the files written, for {@link TreeCheckout}
   * @throws IOException the first failure of the writers (a file or directory that could not be
   *     made)
   */
  EarlyFiles finish() throws IOException {
    writing.finish();
    if (failure != null) {
      throw failure;
    }
    boolean wholeTree = rootSeen && !entryLeft && awaitedTrees.isEmpty() && awaitedBlobs.isEmpty();
    return new EarlyFiles(commit, workTree, dirs, written, wholeTree);
  }

  /** Stops the writers, if {@link #finish} did not run, and waits for them. */
  @Override
  public void close() {
    writing.close();
  }

  private void rootTree(byte[] commitData) {
    // A commit object starts with "tree <id>\n".
    if (commitData.length >= TREE_HEADER.length + Constants.OBJECT_ID_STRING_LENGTH
        && RawParseUtils.match(commitData, 0, TREE_HEADER) == TREE_HEADER.length) {
      rootSeen = true;
      place(ObjectId.fromString(commitData, TREE_HEADER.length), new byte[0]);
    }
  }

  private void tree(ObjectId id, byte[] raw) {
    List<byte[]> prefixes = awaitedTrees.remove(id);
    if (prefixes != null) {
      for (byte[] prefix : prefixes) {
        expand(raw, prefix);
      }
    }
    // Kept for another path with the same tree, which may only be found later.
    if (treeBytes + raw.length <= TREE_BYTES_LIMIT) {
      trees.put(id, raw);
      treeBytes += raw.length;
    }
  }

  /** The tree {@code id} is at {@code prefix} (empty, or ending in '/'). */
  private void place(ObjectId id, byte[] prefix) {
    byte[] raw = trees.get(id);
    if (raw != null) {
      expand(raw, prefix);
    } else {
      awaitedTrees.computeIfAbsent(id, k -> new ArrayList<>()).add(prefix);
    }
  }

  /**
   * Reads a tree's entries ("mode name\0" and a 20-byte id each): subtrees are placed, files
   * awaited. A malformed tree is left for the checkout to report.
   */
  private void expand(byte[] tree, byte[] prefix) {
    int pos = 0;
    while (pos < tree.length) {
      int modeStart = pos;
      int mode = 0;
      while (pos < tree.length && tree[pos] >= '0' && tree[pos] <= '7') {
        mode = (mode << 3) | (tree[pos++] - '0');
      }
      if (pos == modeStart || pos == tree.length || tree[pos] != ' ') {
        entryLeft = true;
        return;
      }
      int nameStart = pos + 1;
      int nameEnd = nameStart;
      while (nameEnd < tree.length && tree[nameEnd] != 0) {
        nameEnd++;
      }
      int idStart = nameEnd + 1;
      if (nameEnd == nameStart || idStart + Constants.OBJECT_ID_LENGTH > tree.length) {
        entryLeft = true;
        return;
      }
      byte[] path = Arrays.copyOf(prefix, prefix.length + nameEnd - nameStart);
      System.arraycopy(tree, nameStart, path, prefix.length, nameEnd - nameStart);
      ObjectId id = ObjectId.fromRaw(tree, idStart);
      pos = idStart + Constants.OBJECT_ID_LENGTH;
      FileMode fileMode = FileMode.fromBits(mode);
      if (fileMode == FileMode.TREE) {
        byte[] subtree = Arrays.copyOf(path, path.length + 1);
        subtree[path.length] = '/';
        place(id, subtree);
      } else if (isFile(fileMode) && isSafe(path)) {
        awaitedBlobs.computeIfAbsent(id, k -> new ArrayList<>()).add(new Placement(path, fileMode));
        entryLeft |= isAttributesFile(tree, nameStart, nameEnd);
      } else {
        entryLeft = true; // a submodule, or a path the checkout will refuse
      }
    }
  }

  private static boolean isAttributesFile(byte[] tree, int nameStart, int nameEnd) {
    return Arrays.equals(tree, nameStart, nameEnd, ATTRIBUTES_FILE, 0, ATTRIBUTES_FILE.length);
  }

  private static boolean isFile(FileMode mode) {
    return mode == FileMode.REGULAR_FILE
        || mode == FileMode.EXECUTABLE_FILE
        || mode == FileMode.SYMLINK;
  }

  /** The checkout's own path rules (see {@link TreeCheckout}): an unsafe path is never written. */
  private boolean isSafe(byte[] path) {
    try {
      pathChecker.checkPath(path, 0, path.length);
      return true;
    } catch (CorruptObjectException e) {
      return false;
    }
  }

  /** The blob whose bytes {@link #slabs} has: handed to the writers for each of its paths. */
  private void blob(AnyObjectId id) {
    List<Placement> placements = failure == null ? awaitedBlobs.get(id) : null;
    ContentSlabs.Content content = placements == null ? null : slabs.end();
    if (content == null) {
      slabs.discard(); // not wanted, or too large: the checkout writes it from the pack
      return;
    }
    awaitedBlobs.remove(id);
    ObjectId blob = id.copy();
    for (Placement placement : placements) {
      content.retain();
      try {
        writing.add(new ReceivedFile(placement, blob, content));
      } catch (IOException e) {
        content.release();
        // Nothing more is written early; finish() reports it, once the fetch is done.
        failure = e;
        return;
      }
    }
  }

  /**
   * A blob that arrived, to be written at one of its paths. Its directories, its path and its index
   * entry are made on the writer's thread: the parser's has work enough.
   */
  private final class ReceivedFile implements BlobWriterPool.Job {
    private final Placement placement;
    private final ObjectId blob;
    private final ContentSlabs.Content content;

    ReceivedFile(Placement placement, ObjectId blob, ContentSlabs.Content content) {
      this.placement = placement;
      this.blob = blob;
      this.content = content;
    }

    @Override
    public int heldBytes() {
      return content.length();
    }

    @Override
    public void done() {
      content.release();
    }

    @Override
    public long write(BlobWriter writer) throws IOException {
      String path = RawParseUtils.decode(StandardCharsets.UTF_8, placement.rawPath());
      Path file = workTree.resolve(path);
      dirs.create(file.getParent());
      DirCacheEntry entry = new DirCacheEntry(placement.rawPath());
      entry.setFileMode(placement.mode());
      entry.setObjectId(blob);
      long size =
          writer.write(
              PendingFile.withContent(file, path, placement.mode(), blob, entry, content.bytes()));
      written.put(path, entry);
      return size;
    }
  }

  /** Collects a blob's bytes into {@link #slabs} as the parser inflates them. */
  private final class BlobBuffer implements BlobObjectChecker {
    @Override
    public void update(byte[] in, int p, int len) {
      slabs.append(in, p, len);
    }

    @Override
    public void endBlob(AnyObjectId id) {
      blob(id);
    }
  }
}
