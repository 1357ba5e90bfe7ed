package dev.initkit.depsfetch.resolver;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.aether.spi.connector.layout.RepositoryLayoutFactory;
import org.eclipse.aether.spi.connector.transport.TransporterFactory;
import org.eclipse.aether.supplier.RepositorySystemSupplier;

/**
 * Resolver's repository system as Maven builds it, except that a download is hashed only with the
 * checksum algorithm its verification compares (layouts hand the connector {@link
 * OnDemandChecksumAlgorithmFactory on-demand algorithms} and transporters learn which one that is:
 * {@link ChecksumProbingTransporter}), and that a session uses one transporter per repository
 * ({@link SessionSharedTransporterFactory}).
 */
final class ResolverSystemSupplier extends RepositorySystemSupplier {
  @Override
  protected Map<String, RepositoryLayoutFactory> createRepositoryLayoutFactories() {
    Map<String, RepositoryLayoutFactory> layouts = new LinkedHashMap<>();
    super.createRepositoryLayoutFactories()
        .forEach((name, layout) -> layouts.put(name, new OnDemandChecksumsLayoutFactory(layout)));
    return layouts;
  }

  @Override
  protected Map<String, TransporterFactory> createTransporterFactories() {
    Map<String, TransporterFactory> transporters = new LinkedHashMap<>();
    super.createTransporterFactories()
        .forEach(
            (name, transporter) ->
                transporters.put(
                    name,
                    new ChecksumProbingTransporter.Factory(
                        new SessionSharedTransporterFactory(transporter),
                        getRepositoryLayoutProvider())));
    return transporters;
  }
}
