package dev.initkit.gitfetch.jgit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.dircache.DirCacheCheckout.CheckoutMetadata;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.CoreConfig.EolStreamType;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * Writes files of a checkout into directories that already exist, each file new (never over an
 * existing entry, never through a symlink), and records its stat data in its index entry. One per
 * thread: it reads objects through its own {@link ObjectReader}.
 */
final class BlobWriter implements AutoCloseable {
  private static final Set<StandardOpenOption> CREATE_NEW =
      Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  private static final FileAttribute<Set<PosixFilePermission>> REGULAR =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));
  private static final FileAttribute<Set<PosixFilePermission>> EXECUTABLE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"));

  private final Repository repo;
  private final WorkingTreeOptions options;
  private final ObjectReader reader;

  BlobWriter(Repository repo, WorkingTreeOptions options) {
    this.repo = repo;
    this.options = options;
    this.reader = repo.newObjectReader();
  }

  /** Writes one file or symlink; returns the file's size on disk (0 for a symlink). */
  long write(PendingFile pending) throws IOException {
    Path file = pending.file();
    ByteBuffer content = pending.content() == null ? null : pending.content().duplicate();
    ObjectLoader loader = content == null ? reader.open(pending.blob(), Constants.OBJ_BLOB) : null;
    if (pending.mode() == FileMode.SYMLINK) {
      byte[] target = content != null ? bytes(content) : loader.getCachedBytes();
      Files.createSymbolicLink(file, Path.of(RawParseUtils.decode(target)));
      pending.entry().setLength(target.length);
    } else {
      try (FileChannel channel =
              FileChannel.open(
                  file,
                  CREATE_NEW,
                  pending.mode() == FileMode.EXECUTABLE_FILE ? EXECUTABLE : REGULAR);
          OutputStream out = Channels.newOutputStream(channel)) {
        if (content != null) {
          while (content.hasRemaining()) {
            channel.write(content); // from a direct buffer without a copy
          }
        } else if (writesAsIs(pending.eol(), pending.smudge())) {
          loader.copyTo(out);
        } else {
          DirCacheCheckout.getContent(
              repo,
              pending.path(),
              new CheckoutMetadata(pending.eol(), pending.smudge()),
              loader,
              options,
              out);
        }
      }
    }
    // The index records each file's stat data, so that verifying a re-run compares stats, not
    // contents.
    BasicFileAttributes attrs =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    pending.entry().setLastModified(attrs.lastModifiedTime().toInstant());
    if (pending.mode() == FileMode.SYMLINK) {
      return 0;
    }
    pending.entry().setLength(attrs.size());
    return attrs.size();
  }

  private static byte[] bytes(ByteBuffer content) {
    byte[] bytes = new byte[content.remaining()];
    content.get(bytes);
    return bytes;
  }

  /**
   * Whether a blob checked out with these attributes is written byte for byte: no end-of-line
   * conversion and no smudge filter.
   */
  static boolean writesAsIs(EolStreamType eol, String smudge) {
    return (eol == null || eol == EolStreamType.DIRECT) && smudge == null;
  }

  @Override
  public void close() {
    reader.close();
  }
}
