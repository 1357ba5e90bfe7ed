package dev.initkit.gitfetch.jgit;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.lib.ObjectChecker;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/**
 * One connection to a remote: it lists the refs asked for, then may fetch on the same connection. A
 * clone thus asks the server three times (capabilities, refs, pack), as git's own does, where
 * resolving the ref on a connection of its own first cost two more requests (two more round trips
 * to a distant server).
 *
 * <p>Only the refs under the given prefixes are asked for (protocol v2's {@code ls-refs} with
 * {@code ref-prefix}, as git asks before a clone), where JGit's {@code LsRemoteCommand} asks for
 * them all: on a GitHub repository that includes two refs per pull request, hundreds of thousands
 * for the largest. A server that speaks only protocol v0 sends every ref whatever is asked, so the
 * refs may be more than asked for.
 *
 * <p>The fetch brings the objects of one ref or commit and does nothing else. JGit's {@code
 * FetchCommand} also updates refs, and when the objects go through an object checker (as they do
 * through {@link StreamingCheckout}) it walks the whole fetched graph afterwards to check that it
 * is connected, which a shallow fetch never is ("peer did not supply a complete object graph"). The
 * caller sets its refs.
 */
final class RemoteSession implements AutoCloseable {
  private final Transport transport;
  private final FetchConnection connection;

  private RemoteSession(Transport transport, FetchConnection connection) {
    this.transport = transport;
    this.connection = connection;
  }

  /**
   * Opens a session: configured as any JGit transport command (timeout, credentials, transport
   * callback); failures reported as JGit's own commands report them, so that the failure classifier
   * sees the same exceptions.
   */
  static final class Open extends TransportCommand<Open, RemoteSession> {
    private final String url;
    private final List<String> refPrefixes;
    private final int depth;

    /**
     * @param repo the repository to fetch into, or null when only refs are asked for
     * @param refPrefixes the refs to list: {@code HEAD}, full names, or where a short name may be
     * @param depth how many commits of history a fetch brings; 0 for all
     */
    Open(Repository repo, String url, List<String> refPrefixes, int depth) {
      super(repo);
      this.url = url;
      this.refPrefixes = List.copyOf(refPrefixes);
      this.depth = depth;
    }

    @Override
    public RemoteSession call() throws GitAPIException {
      Transport transport = null;
      try {
        URIish uri = new URIish(url);
        transport = repo == null ? Transport.open(uri) : Transport.open(repo, uri);
        configure(transport);
        if (depth > 0) {
          transport.setDepth(depth);
        }
        return new RemoteSession(
            transport, transport.openFetch(List.of(), refPrefixes.toArray(String[]::new)));
      } catch (URISyntaxException e) {
        throw new InvalidRemoteException("invalid remote: " + url, e);
      } catch (NotSupportedException e) {
        close(transport);
        throw new JGitInternalException(e.getMessage(), e);
      } catch (IOException | RuntimeException e) {
        close(transport);
        throw new org.eclipse.jgit.api.errors.TransportException(e.getMessage(), e);
      }
    }

    private static void close(Transport transport) {
      if (transport != null) {
        transport.close();
      }
    }
  }

  /** The refs the remote listed, by name. */
  Map<String, Ref> refs() {
    return connection.getRefsMap();
  }

  /**
   * Fetches the objects of {@code want} into the repository, each through {@code checker} (or none)
   * as it is received.
   */
  void fetch(Ref want, ObjectChecker checker, ProgressMonitor monitor) throws IOException {
    transport.setObjectChecker(checker);
    connection.fetch(monitor, List.of(want), Set.of());
  }

  @Override
  public void close() {
    try {
      connection.close();
    } finally {
      transport.close();
    }
  }
}
