package dev.initkit.gitfetch.jgit;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectIdRef;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.Transport;

/**
 * Fetches the objects of one ref, or of one commit by its id, into a repository, and does nothing
 * else: the caller sets its refs. JGit's {@code FetchCommand} also updates refs, and when the
 * fetched objects go through an object checker (as they do through {@link StreamingCheckout}) it
 * walks the whole fetched graph afterwards to check that it is connected, which a shallow fetch
 * never is: it then fails with "peer did not supply a complete object graph".
 */
final class FetchObjectsCommand extends RemoteConnectionCommand<FetchObjectsCommand, Ref> {
  private final RefSpec spec;
  private final int depth;
  private final ProgressMonitor monitor;

  /**
   * @param spec its source: the ref, or the commit id, to fetch
   * @param depth how many commits of history; 0 for all
   */
  FetchObjectsCommand(
      Repository repo, String url, RefSpec spec, int depth, ProgressMonitor monitor) {
    super(repo, url);
    this.spec = spec;
    this.depth = depth;
    this.monitor = monitor;
  }

  /** The ref fetched, as the remote advertised it; null when the remote has no such ref. */
  @Override
  Ref run(Transport transport) throws IOException {
    if (depth > 0) {
      transport.setDepth(depth);
    }
    try (FetchConnection connection = transport.openFetch(List.of(spec))) {
      String source = spec.getSource();
      Ref want =
          ObjectId.isId(source)
              ? new ObjectIdRef.Unpeeled(Ref.Storage.NETWORK, source, ObjectId.fromString(source))
              : connection.getRef(source);
      if (want != null) {
        connection.fetch(monitor, List.of(want), Set.of());
      }
      return want;
    }
  }
}
