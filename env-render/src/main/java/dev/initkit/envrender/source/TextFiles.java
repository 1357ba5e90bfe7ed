package dev.initkit.envrender.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads text files as UTF-8, refusing bytes that are not (rather than guessing characters). */
public final class TextFiles {
  private TextFiles() {}

  /**
   * The file's text.
   *
   * @throws CharacterCodingException when it is not UTF-8
   */
  public static String readUtf8(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** Why reading failed, in a few words for a user. */
  public static String why(IOException e) {
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
