package dev.initkit.common.report;

import dev.initkit.common.log.Redactor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The short cause that {@code kubectl describe pod} shows for a failed container: written to the
 * termination message file, redacted, and cut to the 4 KiB the kubelet keeps (on a character
 * boundary, so the text stays valid UTF-8).
 */
public final class TerminationMessage {
  /** Where the kubelet mounts the file unless the Pod sets terminationMessagePath. */
  public static final Path KUBERNETES_DEFAULT = Path.of("/dev/termination-log");

  public static final int MAX_BYTES = 4096;

  private TerminationMessage() {}

  /**
   * The file to write: the one the user named, else the Kubernetes default when it exists (so
   * nothing is written outside a Pod).
   */
  public static Optional<Path> target(Path configured) {
    if (configured != null) {
      return Optional.of(configured);
    }
    return Files.exists(KUBERNETES_DEFAULT) ? Optional.of(KUBERNETES_DEFAULT) : Optional.empty();
  }

  public static void write(Path file, String message, Redactor redactor) throws IOException {
    Files.write(file, truncate(redactor.redact(message)));
  }

  static byte[] truncate(String message) {
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer out = ByteBuffer.allocate(MAX_BYTES);
    // encode() stops before a character that does not fit whole.
    encoder.encode(CharBuffer.wrap(message), out, true);
    return Arrays.copyOf(out.array(), out.position());
  }
}
