package dev.initkit.common.cli;

import dev.initkit.common.log.Redactor;
import picocli.CommandLine.ITypeConverter;

/** Turns a literal secret option into a {@link Secret}, registering it for redaction first. */
final class SecretConverter implements ITypeConverter<Secret> {
  private final Redactor redactor;

  SecretConverter(Redactor redactor) {
    this.redactor = redactor;
  }

  @Override
  public Secret convert(String value) {
    redactor.register(value);
    return new Secret(value);
  }
}
