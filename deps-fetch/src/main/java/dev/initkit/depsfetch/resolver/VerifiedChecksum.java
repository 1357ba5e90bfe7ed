package dev.initkit.depsfetch.resolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checksum Resolver verified a download against. With the fail policy, Resolver hashes the
 * bytes as they arrive, compares them with the first checksum file the repository has (in {@code
 * aether.checksums.algorithms} order), and keeps that file beside the artifact ({@code
 * x.jar.sha256}) only when they matched. In a local repository that only this run has filled, such
 * a file therefore holds the SHA-256 of the bytes next to it, which spares hashing them again: that
 * second pass was a quarter of a fetch's CPU samples (JFR, 86 artifacts, 46 MiB), since the C1-only
 * JIT of the images has no SHA intrinsics. A shared cache may hold files that others placed, so its
 * files are hashed again.
 */
final class VerifiedChecksum {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private VerifiedChecksum() {}

  /** The SHA-256 Resolver verified {@code file} against, if it kept one. */
  static Optional<String> sha256(Path file) {
    Path sidecar = file.resolveSibling(file.getFileName() + ".sha256");
    try {
      if (!Files.isRegularFile(sidecar) || Files.size(sidecar) > 1024) {
        return Optional.empty();
      }
      // Repositories write "<hex>" or "<hex>  <file name>".
      String text = Files.readString(sidecar, StandardCharsets.US_ASCII).strip();
      String hex = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      return SHA256.matcher(hex).matches() ? Optional.of(hex) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // then the file is hashed again
    }
  }
}
