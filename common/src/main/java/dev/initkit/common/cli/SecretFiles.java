package dev.initkit.common.cli;

import dev.initkit.common.failure.UsageException;
import dev.initkit.common.log.Redactor;
import java.nio.file.Path;

/**
 * Reads the {@code --…-file} twin of a secret option, as Kubernetes mounts a Secret key: the whole
 * file, one trailing newline stripped (editors and {@code echo} add one). Read on each use, so a
 * rotated Secret is picked up by the next attempt. Every value read is registered for redaction.
 */
public final class SecretFiles {
  private final Redactor redactor;

  public SecretFiles(Redactor redactor) {
    this.redactor = redactor;
  }

  /**
   * The secret from the literal option or from its file twin, whichever the user set.
   *
   * @throws UsageException when both are set, or the file cannot be read
   */
  public Secret choose(String optionName, Secret literal, Path file) throws UsageException {
    if (literal != null && file != null) {
      throw new UsageException(
          optionName + " and " + optionName + "-file were both given: set only one");
    }
    return file != null ? read(optionName + "-file", file) : literal;
  }

  /** Reads {@code file}; {@code optionName} names the option in the error. */
  public Secret read(String optionName, Path file) throws UsageException {
    String text = OptionFiles.read(optionName, file);
    if (text.endsWith("\r\n")) {
      text = text.substring(0, text.length() - 2);
    } else if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    redactor.register(text);
    return new Secret(text);
  }
}
