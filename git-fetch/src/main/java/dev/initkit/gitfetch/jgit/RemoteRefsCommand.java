package dev.initkit.gitfetch.jgit;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/**
 * {@code git ls-remote} for some refs only: asks the remote for the refs under the given prefixes
 * (protocol v2's {@code ls-refs} with {@code ref-prefix}, as git itself asks before a clone), where
 * JGit's {@code LsRemoteCommand} asks for them all. On a GitHub repository "all" includes two refs
 * per pull request: hundreds of thousands of lines, megabytes, for the largest. A server that
 * speaks only protocol v0 sends every ref whatever is asked, and the caller picks from them; so the
 * result may hold more refs than asked for.
 */
final class RemoteRefsCommand extends TransportCommand<RemoteRefsCommand, Map<String, Ref>> {
  private final String url;
  private final List<String> prefixes;

  RemoteRefsCommand(String url, List<String> prefixes) {
    super(null);
    this.url = url;
    this.prefixes = List.copyOf(prefixes);
  }

  /** The refs by name; failures as {@code LsRemoteCommand} reports them. */
  @Override
  public Map<String, Ref> call() throws GitAPIException {
    try (Transport transport = Transport.open(new URIish(url))) {
      configure(transport);
      try (FetchConnection connection =
          transport.openFetch(List.of(), prefixes.toArray(String[]::new))) {
        return connection.getRefsMap();
      }
    } catch (URISyntaxException e) {
      throw new InvalidRemoteException("invalid remote: " + url, e);
    } catch (NotSupportedException e) {
      throw new JGitInternalException(e.getMessage(), e);
    } catch (IOException e) {
      throw new org.eclipse.jgit.api.errors.TransportException(e.getMessage(), e);
    }
  }
}
