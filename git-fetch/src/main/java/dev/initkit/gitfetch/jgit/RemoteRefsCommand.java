package dev.initkit.gitfetch.jgit;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.Transport;

/**
 * {@code git ls-remote} for some refs only: asks the remote for the refs under the given prefixes
 * (protocol v2's {@code ls-refs} with {@code ref-prefix}, as git itself asks before a clone), where
 * JGit's {@code LsRemoteCommand} asks for them all. On a GitHub repository "all" includes two refs
 * per pull request: hundreds of thousands of lines, megabytes, for the largest. A server that
 * speaks only protocol v0 sends every ref whatever is asked, and the caller picks from them; so the
 * result may hold more refs than asked for.
 */
final class RemoteRefsCommand extends RemoteConnectionCommand<RemoteRefsCommand, Map<String, Ref>> {
  private final List<String> prefixes;

  RemoteRefsCommand(String url, List<String> prefixes) {
    super(null, url);
    this.prefixes = List.copyOf(prefixes);
  }

  /** The refs by name. */
  @Override
  Map<String, Ref> run(Transport transport) throws IOException {
    try (FetchConnection connection =
        transport.openFetch(List.of(), prefixes.toArray(String[]::new))) {
      return connection.getRefsMap();
    }
  }
}
