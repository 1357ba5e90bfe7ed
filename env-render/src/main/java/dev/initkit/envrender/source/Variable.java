package dev.initkit.envrender.source;

import java.util.Objects;

/**
 * One variable and where its value came from ({@code --set}, {@code --env-prefix APP_}, a file).
 * Its {@code toString()} never shows the value.
 */
public record Variable(String name, String value, String origin) {
  public Variable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(origin, "origin");
  }

  @Override
  public String toString() {
    return name + " (from " + origin + ")";
  }
}
