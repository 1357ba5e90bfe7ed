package dev.initkit.common.cli;

import java.util.Objects;

/**
 * A password or token. Its {@code toString()} is masked, so printing options or records that hold
 * one never shows it; {@link #reveal()} is the one way to the value.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "***";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
