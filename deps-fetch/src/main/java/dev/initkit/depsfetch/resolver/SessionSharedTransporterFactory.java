package dev.initkit.depsfetch.resolver;

import java.util.Objects;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.transport.GetTask;
import org.eclipse.aether.spi.connector.transport.PeekTask;
import org.eclipse.aether.spi.connector.transport.PutTask;
import org.eclipse.aether.spi.connector.transport.Transporter;
import org.eclipse.aether.spi.connector.transport.TransporterFactory;
import org.eclipse.aether.transfer.NoTransporterException;

/**
 * One transporter per repository for a whole session, closed when the session ends. Resolver makes
 * a connector, and with it a transporter (an HTTP client), for every artifact resolution: every POM
 * read while collecting the graph, one at a time (165 in the bench fetch). Transporters are made to
 * be used by several threads at once, as each connector's download threads do.
 */
final class SessionSharedTransporterFactory implements TransporterFactory {
  private final TransporterFactory transporters;

  SessionSharedTransporterFactory(TransporterFactory transporters) {
    this.transporters = transporters;
  }

  @Override
  public Transporter newInstance(RepositorySystemSession session, RemoteRepository repository)
      throws NoTransporterException {
    Key key = new Key(this, repository);
    Object shared = session.getData().get(key);
    if (shared == null) {
      if (!session.addOnSessionEndedHandler(() -> {})) {
        // A session that cannot say when it ends (Resolver 1's kind): nothing is shared, each
        // connector closes its own.
        return transporters.newInstance(session, repository);
      }
      // Made outside computeIfAbsent, which cannot throw NoTransporterException.
      Transporter made = transporters.newInstance(session, repository);
      shared = session.getData().computeIfAbsent(key, () -> made);
      if (shared == made) {
        session.addOnSessionEndedHandler(made::close);
      } else {
        made.close(); // another thread made one first
      }
    }
    return new NotClosing((Transporter) shared);
  }

  @Override
  public float getPriority() {
    return transporters.getPriority();
  }

  /**
   * A repository's transporter in the session's data. Hashed by the repository's id and URL only: a
   * repository's own hash code walks its whole configuration, on every artifact resolution.
   */
  private record Key(SessionSharedTransporterFactory factory, RemoteRepository repository) {
    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(factory)
          + Objects.hash(repository.getId(), repository.getUrl());
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && key.factory == factory
          && key.repository.equals(repository);
    }
  }

  /** A connector's view of the shared transporter: closing the connector leaves it open. */
  private static final class NotClosing implements Transporter {
    private final Transporter transporter;

    NotClosing(Transporter transporter) {
      this.transporter = transporter;
    }

    @Override
    public int classify(Throwable error) {
      return transporter.classify(error);
    }

    @Override
    public void peek(PeekTask task) throws Exception {
      transporter.peek(task);
    }

    @Override
    public void get(GetTask task) throws Exception {
      transporter.get(task);
    }

    @Override
    public void put(PutTask task) throws Exception {
      transporter.put(task);
    }

    @Override
    public void close() {
      // The session closes the transporter when it ends.
    }
  }
}
