package dev.initkit.envrender.format;

import java.util.Locale;

/** The env-file formats, each named after the reader it is written for. */
public enum EnvFormat {
  SHELL,
  DOCKER,
  DOTENV,
  PROPERTIES,
  JSON,
  FILES;

  /** The encoder of a single-file format; {@link #FILES} has {@link FilesEncoder} instead. */
  public EnvEncoder encoder() {
    return switch (this) {
      case SHELL -> new ShellEncoder();
      case DOCKER -> new DockerEncoder();
      case DOTENV -> new DotenvEncoder();
      case PROPERTIES -> new PropertiesEncoder();
      case JSON -> new JsonEncoder();
      case FILES -> throw new IllegalStateException("--format files writes a directory");
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
