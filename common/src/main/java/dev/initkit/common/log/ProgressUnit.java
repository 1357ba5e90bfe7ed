package dev.initkit.common.log;

import dev.initkit.common.units.DataSize;
import dev.initkit.common.units.Numbers;

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
      return Numbers.grouped(amount);
    }
  };

  abstract String format(long amount);
}
