package dev.initkit.common.cli;

import dev.initkit.common.failure.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file that an option names (a settings file, a cookie file, a list of artifacts): a file
 * that cannot be read is bad input, exit 2, with one message for every tool: {@code cannot read
 * --option FILE: NoSuchFileException}. The exception's class says why without repeating the path.
 */
public final class OptionFiles {
  private OptionFiles() {}

  /** The whole file as UTF-8 text. */
  public static String read(String option, Path file) throws UsageException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw cannotRead(option, file, e);
    }
  }

  /** The usage error for a file that a parser reading it as a stream could not read. */
  public static UsageException cannotRead(String option, Path file, IOException cause) {
    return new UsageException(
        "cannot read " + option + " " + file + ": " + cause.getClass().getSimpleName(), cause);
  }
}
