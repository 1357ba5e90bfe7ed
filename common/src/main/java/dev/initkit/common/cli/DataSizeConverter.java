package dev.initkit.common.cli;

import dev.initkit.common.units.DataSize;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 512KiB}, {@code 10MiB} for {@link DataSize} options. */
final class DataSizeConverter implements ITypeConverter<DataSize> {
  @Override
  public DataSize convert(String value) {
    try {
      return DataSize.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
