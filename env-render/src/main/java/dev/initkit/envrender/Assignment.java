package dev.initkit.envrender;

import picocli.CommandLine.ITypeConverter;

/**
 * A {@code --set KEY=VALUE}; its {@code toString()} hides the value, so the start-up line that
 * lists the options never shows one.
 */
public record Assignment(String key, String value) {
  @Override
  public String toString() {
    return key + "=***";
  }

  /** Parses {@code KEY=VALUE}: split at the first '=', the key not empty. */
  static final class Converter implements ITypeConverter<Assignment> {
    @Override
    public Assignment convert(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0) {
        // Never echo the text: it may hold a secret value.
        throw new picocli.CommandLine.TypeConversionException(
            "expected KEY=VALUE (a name, '=', then the value)");
      }
      return new Assignment(text.substring(0, eq), text.substring(eq + 1));
    }
  }
}
