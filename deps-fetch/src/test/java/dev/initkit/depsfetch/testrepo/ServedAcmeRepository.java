package dev.initkit.depsfetch.testrepo;

import dev.initkit.common.publish.TreeDeleter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The acme fixtures ({@link Fixtures#acme}) written into a temporary directory of their own and
 * served over HTTP on loopback, afresh for each test; the server stops and the files go after it:
 *
 * <pre>{@code @RegisterExtension final ServedAcmeRepository served = new ServedAcmeRepository();}
 * </pre>
 *
 * <p>It runs before the test class's own {@code @BeforeEach} methods, which may publish more into
 * {@link #repository()} or set up {@link #server()}'s faults.
 */
public final class ServedAcmeRepository implements BeforeEachCallback, AfterEachCallback {
  private Path root;
  private TestRepository repository;
  private RepositoryServer server;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    root = Files.createTempDirectory("initkit-acme-repository");
    repository = Fixtures.acme(new TestRepository(root));
    server = RepositoryServer.start(repository);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      server.close();
    } finally {
      TreeDeleter.delete(root);
    }
  }

  /** The files served; publish more or change them during a test. */
  public TestRepository repository() {
    return repository;
  }

  public RepositoryServer server() {
    return server;
  }
}
