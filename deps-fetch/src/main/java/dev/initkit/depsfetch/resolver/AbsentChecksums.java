package dev.initkit.depsfetch.resolver;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.checksum.ChecksumAlgorithmFactory;

/**
 * The checksum files a repository turned out not to have, by version directory, for one session.
 * The files of one version are deployed together with the same kinds of checksum file, so when the
 * POM has no SHA-512 file the jar next to it has none either, and is not asked for it: its
 * verification goes straight to the next algorithm of the list. On Central, which has no SHA-512
 * files for most artifacts, that spares one request in every three for a jar.
 */
final class AbsentChecksums {
  private final Map<String, Exception> notFound = new ConcurrentHashMap<>();

  /** The one list for {@code repository} in {@code session}. */
  static AbsentChecksums of(RepositorySystemSession session, RemoteRepository repository) {
    return (AbsentChecksums)
        session.getData().computeIfAbsent(new Key(repository.getUrl()), AbsentChecksums::new);
  }

  /** The failure that showed {@code download}'s directory has no such file, or null. */
  Exception lookup(URI download, ChecksumAlgorithmFactory algorithm) {
    return notFound.get(key(download, algorithm));
  }

  /** Notes that {@code download} has no checksum file of {@code algorithm}. */
  void add(URI download, ChecksumAlgorithmFactory algorithm, Exception failure) {
    notFound.putIfAbsent(key(download, algorithm), failure);
  }

  private static String key(URI download, ChecksumAlgorithmFactory algorithm) {
    String location = download.toString();
    return location.substring(0, location.lastIndexOf('/') + 1) + algorithm.getFileExtension();
  }

  private record Key(String repositoryUrl) {}
}
