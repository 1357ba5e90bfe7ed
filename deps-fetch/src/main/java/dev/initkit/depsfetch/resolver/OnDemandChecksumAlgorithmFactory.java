package dev.initkit.depsfetch.resolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.aether.spi.connector.checksum.ChecksumAlgorithm;
import org.eclipse.aether.spi.connector.checksum.ChecksumAlgorithmFactory;
import org.eclipse.aether.spi.connector.checksum.ChecksumAlgorithmHelper;

/**
 * A checksum algorithm that hashes a download only when its verification compares this algorithm.
 *
 * <p>Resolver hashes every download with every algorithm of {@code --checksums} while the bytes
 * arrive, then compares one of them: the first whose checksum file the repository has. On the
 * images' C1-only JIT (no SHA intrinsics) the unused SHA-512 and SHA-1 were 14% of a fetch's CPU
 * samples (86 artifacts, 46 MiB, from a repository with SHA-256 and SHA-1 files, as Central has for
 * most). This algorithm ignores the bytes as they arrive and, when Resolver asks for the result,
 * hashes the downloaded file if {@link PendingVerification} says that this algorithm will be
 * compared; otherwise its result is {@link #NOT_COMPUTED}, which is no hexadecimal digest and so
 * never matches a checksum: should it ever be compared, the verification fails closed.
 */
final class OnDemandChecksumAlgorithmFactory implements ChecksumAlgorithmFactory {
  static final String NOT_COMPUTED = "(not computed)";

  private final ChecksumAlgorithmFactory hashing;

  OnDemandChecksumAlgorithmFactory(ChecksumAlgorithmFactory hashing) {
    this.hashing = hashing;
  }

  @Override
  public String getName() {
    return hashing.getName();
  }

  @Override
  public String getFileExtension() {
    return hashing.getFileExtension();
  }

  @Override
  public ChecksumAlgorithm getAlgorithm() {
    return new ChecksumAlgorithm() {
      @Override
      public void update(ByteBuffer input) {
        // The file is hashed whole in checksum(), when it is known to be needed.
      }

      @Override
      public String checksum() {
        return PendingVerification.current()
            .filter(pending -> pending.compares(getName()))
            .map(pending -> hash(pending.file()))
            .orElse(NOT_COMPUTED);
      }
    };
  }

  private String hash(Path file) {
    try {
      return ChecksumAlgorithmHelper.calculate(file, List.of(hashing)).get(getName());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + " to hash it", e);
    }
  }
}
