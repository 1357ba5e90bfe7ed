package dev.initkit.gitfetch.jgit;

import java.io.IOException;
import java.net.URISyntaxException;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/**
 * A command that works on one transport to a remote given by its URL: opens it, applies the
 * command's settings (timeout, credentials, the transport callback), runs, and reports failures as
 * JGit's own commands do, so that the failure classifier sees the same exceptions.
 */
abstract class RemoteConnectionCommand<C extends RemoteConnectionCommand<C, T>, T>
    extends TransportCommand<C, T> {
  private final String url;

  /**
   * @param repo the local repository objects are fetched into, or null for none
   */
  RemoteConnectionCommand(Repository repo, String url) {
    super(repo);
    this.url = url;
  }

  @Override
  public final T call() throws GitAPIException {
    try (Transport transport =
        repo == null ? Transport.open(new URIish(url)) : Transport.open(repo, new URIish(url))) {
      configure(transport);
      return run(transport);
    } catch (URISyntaxException e) {
      throw new InvalidRemoteException("invalid remote: " + url, e);
    } catch (NotSupportedException e) {
      throw new JGitInternalException(e.getMessage(), e);
    } catch (IOException e) {
      throw new org.eclipse.jgit.api.errors.TransportException(e.getMessage(), e);
    }
  }

  /** The command's work on the configured transport. */
  abstract T run(Transport transport) throws IOException;
}
