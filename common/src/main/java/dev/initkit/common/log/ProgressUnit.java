package dev.initkit.common.log;

import dev.initkit.common.units.DataSize;
import java.util.Locale;

/** What progress is counted in. */
public enum ProgressUnit {
  BYTES {
    @Override
    String format(long amount) {
      return DataSize.ofBytes(amount).format();
    }
  },
  ITEMS {
    @Override
    String format(long amount) {
      return String.format(Locale.ROOT, "%,d", amount);
    }
  };

  abstract String format(long amount);
}
