package dev.initkit.gitfetch.jgit;

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
 */
record PendingFile(
    Path file,
    String path,
    FileMode mode,
    ObjectId blob,
    EolStreamType eol,
    String smudge,
    DirCacheEntry entry) {}
