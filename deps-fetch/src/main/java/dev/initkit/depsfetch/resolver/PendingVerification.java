package dev.initkit.depsfetch.resolver;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The download that Resolver is about to verify on this thread, and the checksum algorithms its
 * verification will compare: set by {@link ChecksumProbingTransporter} when a download ends, read
 * by {@link OnDemandChecksumAlgorithmFactory} when Resolver asks for the file's checksums right
 * after, on the same thread.
 */
final class PendingVerification {
  private static final ThreadLocal<PendingVerification> CURRENT = new ThreadLocal<>();

  private final Path file;
  private final Set<String> compared;

  private PendingVerification(Path file, Set<String> compared) {
    this.file = file;
    this.compared = compared;
  }

  /** {@code file} will be compared with the checksums of these algorithms (Resolver's names). */
  static void start(Path file, Set<String> compared) {
    CURRENT.set(new PendingVerification(file, Set.copyOf(compared)));
  }

  /** {@code file} may be compared with a checksum of any algorithm. */
  static void startComparingAll(Path file) {
    CURRENT.set(new PendingVerification(file, null));
  }

  static void clear() {
    CURRENT.remove();
  }

  static Optional<PendingVerification> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  Path file() {
    return file;
  }

  boolean compares(String algorithm) {
    return compared == null || compared.contains(algorithm);
  }
}
