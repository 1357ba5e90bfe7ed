package dev.initkit.dbwait;

import java.util.Locale;

/** libpq's TLS modes, the vocabulary of {@code --ssl-mode}, and their Connector/J names. */
public enum SslMode {
  DISABLE("DISABLED"),
  ALLOW("PREFERRED"),
  PREFER("PREFERRED"),
  REQUIRE("REQUIRED"),
  VERIFY_CA("VERIFY_CA"),
  VERIFY_FULL("VERIFY_IDENTITY");

  private final String mysqlName;

  SslMode(String mysqlName) {
    this.mysqlName = mysqlName;
  }

  /** The libpq spelling: {@code verify-full}. */
  public String libpqName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Connector/J's {@code sslMode} value. */
  public String mysqlName() {
    return mysqlName;
  }

  /** Parses a libpq spelling, as in PGSSLMODE; null when it is not one. */
  public static SslMode fromLibpq(String text) {
    for (SslMode mode : values()) {
      if (mode.libpqName().equals(text)) {
        return mode;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return libpqName();
  }
}
