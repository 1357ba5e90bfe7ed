package dev.initkit.dbwait.probe;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** HTTP statuses that count as ready, written as codes and classes: {@code 200,204,3xx}. */
public final class StatusSet {
  private final BitSet codes;
  private final String text;

  private StatusSet(BitSet codes, String text) {
    this.codes = codes;
    this.text = text;
  }

  /**
   * Parses items such as {@code 200} or {@code 2xx}.
   *
   * @throws IllegalArgumentException naming the bad item
   */
  public static StatusSet parse(List<String> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("no status given; expected codes like 200 or 2xx");
    }
    BitSet codes = new BitSet(600);
    List<String> normalized = new ArrayList<>();
    for (String raw : items) {
      String item = raw.trim().toLowerCase(Locale.ROOT);
      if (item.matches("[1-5]xx")) {
        int base = (item.charAt(0) - '0') * 100;
        codes.set(base, base + 100);
      } else if (item.matches("[1-5][0-9][0-9]")) {
        codes.set(Integer.parseInt(item));
      } else {
        throw new IllegalArgumentException(
            "'" + raw + "' is not an HTTP status; expected codes like 200 or classes like 2xx");
      }
      normalized.add(item);
    }
    return new StatusSet(codes, String.join(",", normalized));
  }

  public boolean contains(int status) {
    return status >= 0 && codes.get(status);
  }

  @Override
  public String toString() {
    return text;
  }
}
