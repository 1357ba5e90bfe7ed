package dev.initkit.gitfetch.jgit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CoreConfig.EolStreamType;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A file or symlink of the tree, to be written by a {@link BlobWriter}: what the tree walk knew of
 * it (its attributes are only readable while the walk stands on it), and its index entry, whose
 * stat data the writer fills in.
 *
 * @param smudge the smudge filter command from .gitattributes, or null
 * @param content the blob's bytes, from the buffer's position to its limit (the buffer is not
 *     moved), written unconverted, when they arrived with the pack ({@link StreamingCheckout});
 *     null to read the blob from the repository
 */
record PendingFile(
    Path file,
    String path,
    FileMode mode,
    ObjectId blob,
    EolStreamType eol,
    String smudge,
    DirCacheEntry entry,
    ByteBuffer content)
    implements BlobWriterPool.Job {

  /** A file whose blob is read from the repository, converted as its attributes say. */
  static PendingFile fromRepository(
      Path file,
      String path,
      FileMode mode,
      ObjectId blob,
      EolStreamType eol,
      String smudge,
      DirCacheEntry entry) {
    return new PendingFile(file, path, mode, blob, eol, smudge, entry, null);
  }

  /** A file written with bytes at hand, unconverted. */
  static PendingFile withContent(
      Path file,
      String path,
      FileMode mode,
      ObjectId blob,
      DirCacheEntry entry,
      ByteBuffer content) {
    return new PendingFile(file, path, mode, blob, null, null, entry, content);
  }

  @Override
  public int heldBytes() {
    return content == null ? 0 : content.remaining();
  }

  @Override
  public long write(BlobWriter writer) throws IOException {
    return writer.write(this);
  }
}
