package dev.initkit.depsfetch.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.eclipse.aether.internal.impl.checksum.Sha256ChecksumAlgorithmFactory;
import org.eclipse.aether.spi.connector.checksum.ChecksumAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnDemandChecksumAlgorithmFactoryTest {
  private final OnDemandChecksumAlgorithmFactory sha256 =
      new OnDemandChecksumAlgorithmFactory(new Sha256ChecksumAlgorithmFactory());

  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void writeFile() throws IOException {
    file = Files.write(dir.resolve("a.jar"), "some bytes of a jar".getBytes());
  }

  @AfterEach
  void clear() {
    PendingVerification.clear();
  }

  private String checksumAfterDownload() throws IOException {
    ChecksumAlgorithm algorithm = sha256.getAlgorithm();
    algorithm.update(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)));
    return algorithm.checksum();
  }

  @Test
  void hashesTheDownloadWhenItsVerificationComparesThisAlgorithm()
      throws IOException, NoSuchAlgorithmException {
    PendingVerification.start(file, Set.of("SHA-256"));

    assertThat(checksumAfterDownload())
        .isEqualTo(
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
  }

  @Test
  void hashesTheDownloadWhenAnyAlgorithmMayBeCompared() throws IOException {
    PendingVerification.startComparingAll(file);

    assertThat(checksumAfterDownload()).hasSize(64).isHexadecimal();
  }

  @Test
  void isNotComputedWhenAnotherAlgorithmIsCompared() throws IOException {
    PendingVerification.start(file, Set.of("SHA-512"));

    assertThat(checksumAfterDownload()).isEqualTo(OnDemandChecksumAlgorithmFactory.NOT_COMPUTED);
  }

  @Test
  void isNotComputedWithoutAPendingVerification() throws IOException {
    assertThat(checksumAfterDownload())
        .isEqualTo(OnDemandChecksumAlgorithmFactory.NOT_COMPUTED)
        .isNotEqualToIgnoringCase("0".repeat(64));
  }

  @Test
  void keepsTheNameAndFileExtensionOfTheAlgorithm() {
    assertThat(sha256.getName()).isEqualTo("SHA-256");
    assertThat(sha256.getFileExtension()).isEqualTo("sha256");
  }
}
