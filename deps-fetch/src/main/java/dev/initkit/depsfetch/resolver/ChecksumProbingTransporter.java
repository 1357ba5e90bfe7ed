package dev.initkit.depsfetch.resolver;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.checksum.ChecksumAlgorithmFactory;
import org.eclipse.aether.spi.connector.layout.RepositoryLayout;
import org.eclipse.aether.spi.connector.layout.RepositoryLayout.ChecksumLocation;
import org.eclipse.aether.spi.connector.layout.RepositoryLayoutProvider;
import org.eclipse.aether.spi.connector.transport.AbstractTransporter;
import org.eclipse.aether.spi.connector.transport.GetTask;
import org.eclipse.aether.spi.connector.transport.PeekTask;
import org.eclipse.aether.spi.connector.transport.PutTask;
import org.eclipse.aether.spi.connector.transport.Transporter;
import org.eclipse.aether.spi.connector.transport.TransporterFactory;
import org.eclipse.aether.transfer.NoRepositoryLayoutException;
import org.eclipse.aether.transfer.NoTransporterException;
import org.eclipse.aether.util.ConfigUtils;

/**
 * Learns, as a download ends, which checksum its verification will compare, so that only that
 * algorithm hashes the file ({@link OnDemandChecksumAlgorithmFactory}).
 *
 * <p>Resolver's connector downloads a file, takes its checksums in every algorithm of the list, and
 * only then verifies: with a checksum the server sent in a header if there is one of the list, else
 * with the first checksum file of the list the repository has (a missing one is skipped; a wrong
 * one, or none at all, fails). This transporter runs on the connector's thread: after each download
 * it fetches those checksum files itself, in the same order, up to the first the repository has,
 * notes in {@link PendingVerification} which algorithm will be compared, and keeps the answers; the
 * connector's own requests for those files, which follow at once on the same thread, are answered
 * from them; or, when Resolver takes checksums from headers (its default), the checksum found is
 * handed to it as if a header had brought it, and it asks for no file. The repository sees the same
 * requests as before, once each, except for a checksum file that {@link AbsentChecksums} knows the
 * release lacks. When a checksum file cannot be fetched (other than not found), every algorithm is
 * computed, as Resolver does, and its own request meets the failure.
 */
final class ChecksumProbingTransporter extends AbstractTransporter {
  private final Transporter transporter;
  private final List<ChecksumAlgorithmFactory> algorithms;
  private final boolean headerChecksums;
  private final AbsentChecksums absent;

  /** Per connector thread: the last download and the answers for its checksum files. */
  private final ThreadLocal<Probe> probes = new ThreadLocal<>();

  ChecksumProbingTransporter(
      Transporter transporter,
      List<ChecksumAlgorithmFactory> algorithms,
      boolean headerChecksums,
      AbsentChecksums absent) {
    this.transporter = transporter;
    this.algorithms = algorithms;
    this.headerChecksums = headerChecksums;
    this.absent = absent;
  }

  @Override
  public int classify(Throwable error) {
    return transporter.classify(error);
  }

  @Override
  protected void implPeek(PeekTask task) throws Exception {
    transporter.peek(task);
  }

  @Override
  protected void implPut(PutTask task) throws Exception {
    transporter.put(task);
  }

  @Override
  protected void implClose() {
    transporter.close();
  }

  @Override
  protected void implGet(GetTask task) throws Exception {
    Probe last = probes.get();
    if (last != null && last.isChecksumOfDownload(task.getLocation())) {
      Answer answer = last.answers.remove(task.getLocation());
      if (answer == null) {
        transporter.get(task);
      } else if (answer.content != null) {
        utilGet(task, new ByteArrayInputStream(answer.content), true, answer.content.length, false);
      } else {
        throw answer.failure;
      }
      return;
    }
    probes.remove();
    PendingVerification.clear();
    transporter.get(task);
    if (task.getDataPath() != null) {
      probes.set(probe(task));
    }
  }

  private Probe probe(GetTask download) {
    Probe probe = new Probe(download.getLocation());
    Set<String> fromHeaders = new LinkedHashSet<>();
    if (headerChecksums) {
      for (ChecksumAlgorithmFactory algorithm : algorithms) {
        if (download.getChecksums().containsKey(algorithm.getName())) {
          fromHeaders.add(algorithm.getName());
        }
      }
    }
    if (!fromHeaders.isEmpty()) {
      // Resolver settles on these and fetches no checksum file.
      PendingVerification.start(download.getDataPath(), fromHeaders);
      return probe;
    }
    if (probe.locations.isEmpty()) {
      PendingVerification.startComparingAll(download.getDataPath());
      return probe;
    }
    // Those the release is known to lack are skipped, unless the file has none of the others.
    List<Integer> skipped = new ArrayList<>();
    for (int i = 0; i < algorithms.size(); i++) {
      Exception knownAbsent = absent.lookup(probe.locations.get(i), algorithms.get(i));
      if (knownAbsent != null) {
        probe.answers.put(probe.locations.get(i), new Answer(null, knownAbsent));
        skipped.add(i);
      } else if (fetchChecksum(probe, download, i)) {
        return probe;
      }
    }
    for (int i : skipped) {
      if (fetchChecksum(probe, download, i)) {
        return probe;
      }
    }
    // None at all: the verification fails without comparing anything.
    PendingVerification.start(download.getDataPath(), Set.of());
    return probe;
  }

  /**
   * Asks for {@code download}'s checksum file of algorithm {@code i} and keeps the answer; true
   * when that settles what the verification compares (the file was there, or could not be had).
   */
  private boolean fetchChecksum(Probe probe, GetTask download, int i) {
    URI location = probe.locations.get(i);
    ChecksumAlgorithmFactory algorithm = algorithms.get(i);
    GetTask get = new GetTask(location);
    try {
      transporter.get(get);
    } catch (Exception e) {
      if (transporter.classify(e) == ERROR_NOT_FOUND) {
        probe.answers.put(location, new Answer(null, e));
        absent.add(location, algorithm, e);
        return false;
      }
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      PendingVerification.startComparingAll(download.getDataPath());
      return true;
    }
    probe.answers.put(location, new Answer(get.getDataBytes(), null));
    PendingVerification.start(download.getDataPath(), Set.of(algorithm.getName()));
    if (headerChecksums) {
      // As if the server had sent it in a header: Resolver compares it and asks for no checksum
      // file, which spares it a temporary file and a read per checksum file.
      download.setChecksum(algorithm.getName(), ChecksumFileText.value(get.getDataBytes()));
    }
    return true;
  }

  /** A checksum file's content, or why it could not be had. */
  private record Answer(byte[] content, Exception failure) {}

  /** A download and its checksum files, in the order of {@link #algorithms}. */
  private final class Probe {
    final List<URI> locations;
    final Map<URI, Answer> answers = new HashMap<>();

    Probe(URI download) {
      List<URI> list;
      try {
        list =
            algorithms.stream()
                .map(a -> ChecksumLocation.forLocation(download, a))
                .map(ChecksumLocation::getLocation)
                .toList();
      } catch (IllegalArgumentException e) {
        list = List.of(); // not a repository path (absolute, or with a query): no checksum files
      }
      this.locations = list;
    }

    boolean isChecksumOfDownload(URI uri) {
      return locations.contains(uri);
    }
  }

  /** Puts a {@link ChecksumProbingTransporter} in front of each transporter a factory makes. */
  static final class Factory implements TransporterFactory {
    private final TransporterFactory transporters;
    private final RepositoryLayoutProvider layouts;

    Factory(TransporterFactory transporters, RepositoryLayoutProvider layouts) {
      this.transporters = transporters;
      this.layouts = layouts;
    }

    @Override
    public Transporter newInstance(RepositorySystemSession session, RemoteRepository repository)
        throws NoTransporterException {
      Transporter transporter = transporters.newInstance(session, repository);
      RepositoryLayout layout;
      try {
        layout = layouts.newRepositoryLayout(session, repository);
      } catch (NoRepositoryLayoutException e) {
        return transporter; // then Resolver's connector cannot use the repository either
      }
      boolean headerChecksums =
          ConfigUtils.getBoolean(
              session,
              true,
              "aether.connector.basic.includedChecksums",
              "aether.connector.smartChecksums");
      return new ChecksumProbingTransporter(
          transporter,
          layout.getChecksumAlgorithmFactories(false),
          headerChecksums,
          AbsentChecksums.of(session, repository));
    }

    @Override
    public float getPriority() {
      return transporters.getPriority();
    }
  }
}
