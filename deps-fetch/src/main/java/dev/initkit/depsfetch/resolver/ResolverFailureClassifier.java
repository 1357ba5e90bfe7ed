package dev.initkit.depsfetch.resolver;

import dev.initkit.common.failure.Classification;
import dev.initkit.common.failure.FailureClassifier;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.aether.collection.UnsolvableVersionConflictException;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.spi.connector.transport.http.HttpTransporterException;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.eclipse.aether.transfer.MetadataNotFoundException;
import org.eclipse.aether.transfer.MetadataTransferException;
import org.eclipse.aether.transfer.RepositoryOfflineException;
import org.eclipse.aether.version.InvalidVersionSpecificationException;

/**
 * Tells which Maven Resolver failures may go away on their own. One resolution can fail for several
 * artifacts at once; every cause is looked at (causes and suppressed exceptions), and one permanent
 * cause makes the whole failure permanent, since retrying cannot fix it.
 *
 * <ul>
 *   <li>HTTP 429 and 5xx, refused, reset and dropped connections, timeouts: transient (a repository
 *       restarting, a proxy overloaded, a rate limit).
 *   <li>HTTP 401/403/407: permanent, the credentials are wrong or lack the right.
 *   <li>Not found (404, or absent from the cache when offline): permanent, the coordinates or the
 *       repository are wrong.
 *   <li>Checksum mismatch: permanent; Resolver already fetched the file twice, a third time will
 *       not change what the repository serves.
 *   <li>Version conflicts and ranges with no version: permanent, the POMs say so.
 * </ul>
 */
final class ResolverFailureClassifier implements FailureClassifier {

  @Override
  public Classification classify(Exception failure) {
    return classifyTree(failure).orElse(Classification.permanentCause(describe(failure)));
  }

  private static Optional<Classification> classifyTree(Throwable failure) {
    Classification firstTransient = null;
    for (Cause cause : causes(failure)) {
      Optional<Classification> verdict =
          cause.failure() instanceof ArtifactResolutionException resolution
              ? byArtifact(resolution)
              : judge(cause.failure(), cause.transfer());
      if (verdict.isEmpty()) {
        continue;
      }
      if (!verdict.get().isTransient()) {
        return verdict;
      }
      if (firstTransient == null) {
        firstTransient = verdict.get();
      }
    }
    return Optional.ofNullable(firstTransient);
  }

  /**
   * One verdict per artifact, from its failures in every repository tried: transient when any is;
   * then permanent when any artifact's is.
   */
  private static Optional<Classification> byArtifact(ArtifactResolutionException resolution) {
    Classification firstTransient = null;
    for (ArtifactResult result : resolution.getResults()) {
      Classification artifactTransient = null;
      Classification artifactPermanent = null;
      for (Exception exception : result.getExceptions()) {
        Optional<Classification> verdict = classifyTree(exception);
        if (verdict.isEmpty()) {
          continue;
        }
        if (verdict.get().isTransient()) {
          artifactTransient = artifactTransient == null ? verdict.get() : artifactTransient;
        } else {
          artifactPermanent = artifactPermanent == null ? verdict.get() : artifactPermanent;
        }
      }
      if (artifactTransient == null && artifactPermanent != null) {
        return Optional.of(artifactPermanent);
      }
      if (firstTransient == null) {
        firstTransient = artifactTransient;
      }
    }
    return Optional.ofNullable(firstTransient);
  }

  /** The message users see for a failed resolution: Resolver's own, which names artifacts. */
  String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null ? failure.getClass().getSimpleName() : message;
  }

  /**
   * @param transfer the message of the nearest transfer failure around {@code cause}, which names
   *     the artifact and the repository, or empty
   */
  private static Optional<Classification> judge(Throwable cause, String transfer) {
    String own = String.valueOf(cause.getMessage());
    String message = transfer.isEmpty() ? own : transfer;
    if (cause instanceof ChecksumFailureException) {
      return Optional.of(
          Classification.permanentCause(
              "checksum mismatch: " + message + "; the repository serves a corrupt file"));
    }
    if (cause instanceof HttpTransporterException http) {
      return Optional.of(byStatus(http.getStatusCode(), message));
    }
    if (cause instanceof RepositoryOfflineException) {
      return Optional.of(
          Classification.permanentCause("not in the cache and --offline is set: " + message));
    }
    if (cause instanceof ArtifactNotFoundException || cause instanceof MetadataNotFoundException) {
      return Optional.of(
          Classification.permanentCause(
              "not found: " + message + "; check the coordinates and --repository"));
    }
    if (cause instanceof UnsolvableVersionConflictException
        || cause instanceof VersionRangeResolutionException
        || cause instanceof InvalidVersionSpecificationException) {
      return Optional.of(Classification.permanentCause(message));
    }
    if (cause instanceof javax.net.ssl.SSLPeerUnverifiedException
        || cause instanceof java.security.cert.CertificateException
        || cause instanceof java.security.cert.CertPathValidatorException
        || (cause instanceof javax.net.ssl.SSLHandshakeException && own.contains("PKIX"))) {
      return Optional.of(
          Classification.permanentCause(
              "TLS certificate not trusted: "
                  + message
                  + "; give the repository's CA with --ca-file"));
    }
    if (cause instanceof IOException io) {
      // Refused, reset or dropped mid-file, timed out: the repository may be back next time.
      Classification network = FailureClassifier.NETWORK.classify(io);
      String what = network.isTransient() ? network.reason() : "connection failed: " + own;
      return Optional.of(
          Classification.transientCause(transfer.isEmpty() ? what : what + " (" + transfer + ")"));
    }
    return Optional.empty();
  }

  private static Classification byStatus(int status, String message) {
    if (status == 401 || status == 407) {
      return Classification.permanentCause(
          "unauthorized (HTTP "
              + status
              + "): "
              + message
              + "; check the repository's credentials (--repository-username, "
              + "--repository-password-file, --repository-token-file)");
    }
    if (status == 403) {
      return Classification.permanentCause(
          "forbidden (HTTP 403): " + message + "; the credentials lack access to it");
    }
    if (status == 404) {
      return Classification.permanentCause(
          "not found (HTTP 404): " + message + "; check the coordinates and --repository");
    }
    if (status == 408 || status == 425 || status == 429 || status >= 500) {
      return Classification.transientCause("HTTP " + status + " from the repository: " + message);
    }
    return Classification.permanentCause("HTTP " + status + " from the repository: " + message);
  }

  /** An exception in the tree, with the message of the transfer failure around it. */
  private record Cause(Throwable failure, String transfer) {}

  /** Every exception in the tree under {@code failure}: causes and suppressed, each once. */
  private static List<Cause> causes(Throwable failure) {
    List<Cause> all = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Cause> pending = new ArrayDeque<>();
    pending.add(new Cause(failure, ""));
    while (!pending.isEmpty()) {
      Cause next = pending.poll();
      Throwable t = next.failure();
      if (!seen.add(t)) {
        continue;
      }
      all.add(next);
      if (t instanceof ArtifactResolutionException) {
        continue; // judged per artifact, see byArtifact
      }
      String transfer =
          t instanceof ArtifactTransferException || t instanceof MetadataTransferException
              ? String.valueOf(t.getMessage())
              : next.transfer();
      if (t.getCause() != null) {
        pending.add(new Cause(t.getCause(), transfer));
      }
      for (Throwable suppressed : t.getSuppressed()) {
        pending.add(new Cause(suppressed, transfer));
      }
    }
    return all;
  }
}
