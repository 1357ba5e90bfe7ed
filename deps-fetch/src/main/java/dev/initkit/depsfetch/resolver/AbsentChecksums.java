package dev.initkit.depsfetch.resolver;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.checksum.ChecksumAlgorithmFactory;

/**
 * The checksum files a repository turned out not to have, for one session, by release: a group and
 * a version. The artifacts of one release (a project's modules, its parent POM and BOM) are
 * deployed together, by the same build, with the same kinds of checksum file; so when one of its
 * files has no SHA-512 file the others have none either, and are not asked for one: their
 * verification goes straight to the next algorithm of the list. On Central, which has no SHA-512
 * files for most artifacts, that spares most of those requests (on the bench fetch, 251 SHA-512
 * requests became 92). Should a release mix kinds after all, its files are still verified, with the
 * next algorithm the repository has; and a file that has none of the others is asked for the
 * skipped ones too, so that no file fails for lack of a checksum it has.
 */
final class AbsentChecksums {
  private final Map<String, Exception> notFound = new ConcurrentHashMap<>();

  /** The one list for {@code repository} in {@code session}. */
  static AbsentChecksums of(RepositorySystemSession session, RemoteRepository repository) {
    return (AbsentChecksums)
        session.getData().computeIfAbsent(new Key(repository.getUrl()), AbsentChecksums::new);
  }

  /** The failure that showed {@code download}'s release has no such file, or null. */
  Exception lookup(URI download, ChecksumAlgorithmFactory algorithm) {
    return notFound.get(key(download, algorithm));
  }

  /** Notes that {@code download} has no checksum file of {@code algorithm}. */
  void add(URI download, ChecksumAlgorithmFactory algorithm, Exception failure) {
    notFound.putIfAbsent(key(download, algorithm), failure);
  }

  /**
   * {@code group/path/version/} and the algorithm's extension, from {@code
   * group/path/artifactId/version/file}; the directory, for a path too short to be an artifact's.
   */
  private static String key(URI download, ChecksumAlgorithmFactory algorithm) {
    String location = download.toString();
    int file = location.lastIndexOf('/');
    int version = location.lastIndexOf('/', file - 1);
    int artifactId = version < 0 ? -1 : location.lastIndexOf('/', version - 1);
    String release =
        artifactId < 0
            ? location.substring(0, file + 1)
            : location.substring(0, artifactId) + location.substring(version, file + 1);
    return release + algorithm.getFileExtension();
  }

  private record Key(String repositoryUrl) {}
}
