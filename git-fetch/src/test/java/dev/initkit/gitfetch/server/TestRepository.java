package dev.initkit.gitfetch.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;

/**
 * A repository served by {@link GitTestServer}, built in memory by the test: each commit gives the
 * branch's whole tree (regular files, executables, symlinks, any file names).
 */
public final class TestRepository {
  private static final PersonIdent AUTHOR = new PersonIdent("Ada Tester", "ada@example.org");

  private final Repository repo;
  private final String name;
  private final String baseUrl;
  private final String httpsBaseUrl;
  private long clock = 1_700_000_000L;

  public TestRepository(String name, String baseUrl, String httpsBaseUrl) {
    this.name = name;
    this.baseUrl = baseUrl;
    this.httpsBaseUrl = httpsBaseUrl;
    this.repo = new InMemoryRepository(new DfsRepositoryDescription(name));
  }

  /** A repository the test made elsewhere (on disk, for servers that need a directory). */
  public TestRepository(String name, Repository repo) {
    this.name = name;
    this.baseUrl = null;
    this.httpsBaseUrl = null;
    this.repo = repo;
  }

  public Repository repository() {
    return repo;
  }

  public String name() {
    return name;
  }

  /** The URL in the server's context that needs no credentials. */
  public String url() {
    return baseUrl + "/public/" + name + ".git";
  }

  /** The HTTPS URL that needs no credentials, on a server started with TLS. */
  public String httpsUrl() {
    if (httpsBaseUrl == null) {
      throw new IllegalStateException("the server was started without TLS");
    }
    return httpsBaseUrl + "/public/" + name + ".git";
  }

  /** The URL in the context behind basic authentication. */
  public String basicAuthUrl() {
    return baseUrl + "/basic/" + name + ".git";
  }

  /** The URL in the context that wants a cookie. */
  public String cookieUrl() {
    return baseUrl + "/cookie/" + name + ".git";
  }

  /** The URL in the context that wants a bearer token. */
  public String bearerUrl() {
    return baseUrl + "/bearer/" + name + ".git";
  }

  /** A tree to commit. */
  public static final class Tree {
    private final Map<String, Map.Entry<FileMode, byte[]>> entries = new LinkedHashMap<>();

    public Tree file(String path, String content) {
      return put(path, FileMode.REGULAR_FILE, content.getBytes(StandardCharsets.UTF_8));
    }

    public Tree executable(String path, String content) {
      return put(path, FileMode.EXECUTABLE_FILE, content.getBytes(StandardCharsets.UTF_8));
    }

    public Tree symlink(String path, String target) {
      return put(path, FileMode.SYMLINK, target.getBytes(StandardCharsets.UTF_8));
    }

    /** A submodule at {@code path}, recorded at {@code commit} (add its .gitmodules entry too). */
    public Tree gitlink(String path, String commit) {
      return put(path, FileMode.GITLINK, commit.getBytes(StandardCharsets.US_ASCII));
    }

    /** A file of incompressible bytes, so packs are big enough to cut in the middle. */
    public Tree randomFile(String path, int size, long seed) {
      byte[] bytes = new byte[size];
      new Random(seed).nextBytes(bytes);
      return put(path, FileMode.REGULAR_FILE, bytes);
    }

    private Tree put(String path, FileMode mode, byte[] content) {
      entries.put(path, Map.entry(mode, content));
      return this;
    }
  }

  public static Tree tree() {
    return new Tree();
  }

  /** Commits {@code tree} on {@code branch} (creating it) and returns the commit id. */
  public String commit(String branch, String message, Tree tree) {
    return signedCommit(branch, message, tree, null);
  }

  /** As {@link #commit}, the commit signed by {@code signer} (none when null). */
  public String signedCommit(
      String branch, String message, Tree tree, TestSigners.ObjectSigner signer) {
    try (ObjectInserter inserter = repo.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      for (var entry : tree.entries.entrySet()) {
        DirCacheEntry e = new DirCacheEntry(entry.getKey());
        e.setFileMode(entry.getValue().getKey());
        byte[] content = entry.getValue().getValue();
        e.setObjectId(
            entry.getValue().getKey() == FileMode.GITLINK
                ? ObjectId.fromString(new String(content, StandardCharsets.US_ASCII))
                : inserter.insert(Constants.OBJ_BLOB, content));
        builder.add(e);
      }
      builder.finish();
      ObjectId treeId = index.writeTree(inserter);
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(treeId);
      Ref tip = repo.exactRef(Constants.R_HEADS + branch);
      if (tip != null) {
        commit.setParentId(tip.getObjectId());
      }
      PersonIdent when = new PersonIdent(AUTHOR, Instant.ofEpochSecond(clock++), ZoneOffset.UTC);
      commit.setAuthor(when);
      commit.setCommitter(when);
      commit.setMessage(message);
      if (signer != null) {
        commit.setGpgSignature(signer.sign(commit.build()));
      }
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repo.updateRef(Constants.R_HEADS + branch);
      update.setNewObjectId(id);
      update.forceUpdate();
      if (repo.exactRef(Constants.HEAD) == null
          || repo.exactRef(Constants.HEAD).getObjectId() == null) {
        head(branch);
      }
      return id.name();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers in git protocol v0 only, as an old server does (the test server speaks v2 too). */
  public void speakProtocolV0Only() {
    repo.getConfig().setInt("protocol", null, "version", 0);
  }

  /** Points the remote's HEAD at {@code branch}. */
  public void head(String branch) {
    try {
      repo.updateRef(Constants.HEAD).link(Constants.R_HEADS + branch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A lightweight tag. */
  public void tag(String tag, String commit) {
    setRef(Constants.R_TAGS + tag, ObjectId.fromString(commit));
  }

  /** An annotated tag; returns the tag object's id. */
  public String annotatedTag(String tag, String commit) {
    return signedAnnotatedTag(tag, commit, null);
  }

  /** As {@link #annotatedTag}, the tag signed by {@code signer} (none when null). */
  public String signedAnnotatedTag(String tag, String commit, TestSigners.ObjectSigner signer) {
    try (ObjectInserter inserter = repo.newObjectInserter()) {
      TagBuilder builder = new TagBuilder();
      builder.setTag(tag);
      builder.setObjectId(ObjectId.fromString(commit), Constants.OBJ_COMMIT);
      builder.setTagger(AUTHOR);
      builder.setMessage("release " + tag);
      if (signer != null) {
        // git ends a signed tag's message with a newline; JGit insists on it.
        builder.setMessage("release " + tag + "\n");
        builder.setGpgSignature(signer.sign(builder.build()));
      }
      ObjectId id = inserter.insert(builder);
      inserter.flush();
      setRef(Constants.R_TAGS + tag, id);
      return id.name();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void setRef(String ref, ObjectId id) {
    try {
      RefUpdate update = repo.updateRef(ref);
      update.setNewObjectId(id);
      update.forceUpdate();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
