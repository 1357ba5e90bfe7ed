package dev.initkit.depsfetch.resolver;

import java.net.URI;
import java.util.List;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.metadata.Metadata;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.checksum.ChecksumAlgorithmFactory;
import org.eclipse.aether.spi.connector.layout.RepositoryLayout;
import org.eclipse.aether.spi.connector.layout.RepositoryLayoutFactory;
import org.eclipse.aether.transfer.NoRepositoryLayoutException;

/**
 * Repository layouts as Resolver's own, whose checksum algorithms hash a download only when its
 * verification needs them ({@link OnDemandChecksumAlgorithmFactory}). The layout is where
 * Resolver's connector takes the algorithms to compute while downloading from; nothing else
 * changes: the same checksum files, in the same order.
 */
final class OnDemandChecksumsLayoutFactory implements RepositoryLayoutFactory {
  private final RepositoryLayoutFactory layouts;

  OnDemandChecksumsLayoutFactory(RepositoryLayoutFactory layouts) {
    this.layouts = layouts;
  }

  @Override
  public RepositoryLayout newInstance(RepositorySystemSession session, RemoteRepository repository)
      throws NoRepositoryLayoutException {
    return new Layout(layouts.newInstance(session, repository));
  }

  @Override
  public float getPriority() {
    return layouts.getPriority();
  }

  private static final class Layout implements RepositoryLayout {
    private final RepositoryLayout layout;
    private final List<ChecksumAlgorithmFactory> downloadAlgorithms;

    Layout(RepositoryLayout layout) {
      this.layout = layout;
      this.downloadAlgorithms = onDemand(layout.getChecksumAlgorithmFactories(false));
    }

    private static List<ChecksumAlgorithmFactory> onDemand(List<ChecksumAlgorithmFactory> list) {
      return list.stream()
          .map(a -> (ChecksumAlgorithmFactory) new OnDemandChecksumAlgorithmFactory(a))
          .toList();
    }

    @Override
    public List<ChecksumAlgorithmFactory> getChecksumAlgorithmFactories() {
      return layout.getChecksumAlgorithmFactories();
    }

    /** What the connector computes while downloading: on demand. */
    @Override
    public List<ChecksumAlgorithmFactory> getChecksumAlgorithmFactories(boolean upload) {
      return upload ? layout.getChecksumAlgorithmFactories(true) : downloadAlgorithms;
    }

    @Override
    public boolean hasChecksums(Artifact artifact) {
      return layout.hasChecksums(artifact);
    }

    @Override
    public URI getLocation(Artifact artifact, boolean upload) {
      return layout.getLocation(artifact, upload);
    }

    @Override
    public URI getLocation(Metadata metadata, boolean upload) {
      return layout.getLocation(metadata, upload);
    }

    @Override
    public List<ChecksumLocation> getChecksumLocations(
        Artifact artifact, boolean upload, URI location) {
      return layout.getChecksumLocations(artifact, upload, location);
    }

    @Override
    public List<ChecksumLocation> getChecksumLocations(
        Metadata metadata, boolean upload, URI location) {
      return layout.getChecksumLocations(metadata, upload, location);
    }
  }
}
