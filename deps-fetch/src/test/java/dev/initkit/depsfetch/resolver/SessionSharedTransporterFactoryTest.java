package dev.initkit.depsfetch.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.transport.GetTask;
import org.eclipse.aether.spi.connector.transport.PeekTask;
import org.eclipse.aether.spi.connector.transport.PutTask;
import org.eclipse.aether.spi.connector.transport.Transporter;
import org.eclipse.aether.spi.connector.transport.TransporterFactory;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionSharedTransporterFactoryTest {
  private static final RemoteRepository CENTRAL =
      new RemoteRepository.Builder("central", "default", "https://repo.example/maven2/").build();
  private static final RemoteRepository OTHER =
      new RemoteRepository.Builder("other", "default", "https://other.example/maven2/").build();

  @TempDir Path dir;
  private RepositorySystem system;
  private final Made made = new Made();
  private final SessionSharedTransporterFactory factory = new SessionSharedTransporterFactory(made);

  @BeforeEach
  void startSystem() {
    system = new RepositorySystemSupplier().get();
  }

  @AfterEach
  void stopSystem() {
    system.shutdown();
  }

  private CloseableSession session() {
    return new SessionBuilderSupplier(system)
        .get()
        .withLocalRepositoryBaseDirectories(dir.resolve("local"))
        .build();
  }

  @Test
  void connectorsOfOneSessionShareTheTransporterOfTheirRepository() throws Exception {
    try (CloseableSession session = session()) {
      Transporter first = factory.newInstance(session, CENTRAL);
      first.close(); // as a connector does when its resolution is done
      Transporter second = factory.newInstance(session, CENTRAL);
      second.get(new GetTask(java.net.URI.create("a/b/1/b-1.pom")));

      assertThat(made.transporters).hasSize(1);
      assertThat(made.transporters.get(0).gets).isEqualTo(1);
      assertThat(made.transporters.get(0).closed).isFalse();
    }
  }

  @Test
  void eachRepositoryHasItsOwn() throws Exception {
    try (CloseableSession session = session()) {
      factory.newInstance(session, CENTRAL);
      factory.newInstance(session, OTHER);

      assertThat(made.transporters).hasSize(2);
    }
  }

  @Test
  void theSessionsEndClosesThemAndTheNextSessionMakesNewOnes() throws Exception {
    try (CloseableSession session = session()) {
      factory.newInstance(session, CENTRAL);
    }
    try (CloseableSession session = session()) {
      factory.newInstance(session, CENTRAL);
    }

    assertThat(made.transporters).hasSize(2);
    assertThat(made.transporters.get(0).closed).isTrue();
    assertThat(made.transporters.get(1).closed).isTrue();
  }

  @Test
  void aSessionThatCannotSayWhenItEndsSharesNothing() throws Exception {
    DefaultRepositorySystemSession session = new DefaultRepositorySystemSession(handler -> false);

    Transporter first = factory.newInstance(session, CENTRAL);
    first.close();
    factory.newInstance(session, CENTRAL);

    assertThat(made.transporters).hasSize(2);
    assertThat(made.transporters.get(0).closed).isTrue();
  }

  /** The transporters a factory made, standing in for the HTTP one. */
  private static final class Made implements TransporterFactory {
    final List<Recording> transporters = new ArrayList<>();

    @Override
    public synchronized Transporter newInstance(
        RepositorySystemSession session, RemoteRepository repository) {
      Recording transporter = new Recording();
      transporters.add(transporter);
      return transporter;
    }

    @Override
    public float getPriority() {
      return 5;
    }
  }

  private static final class Recording implements Transporter {
    int gets;
    boolean closed;

    @Override
    public int classify(Throwable error) {
      return ERROR_OTHER;
    }

    @Override
    public void peek(PeekTask task) {}

    @Override
    public void get(GetTask task) {
      gets++;
    }

    @Override
    public void put(PutTask task) {}

    @Override
    public void close() {
      closed = true;
    }
  }
}
