package dev.initkit.dbwait;

import picocli.CommandLine.ITypeConverter;

/**
 * A target as typed by the user. Its {@code toString()} masks user info and password parameters, so
 * the start-up line that lists the options never shows a password someone put in a URL.
 */
record TargetArgument(String text) {
  @Override
  public String toString() {
    return Display.of(text);
  }

  /** Keeps the text as it is; {@link TargetParser} checks it, with messages that hide secrets. */
  static final class Converter implements ITypeConverter<TargetArgument> {
    @Override
    public TargetArgument convert(String value) {
      return new TargetArgument(value.strip());
    }
  }
}
