package dev.initkit.depsfetch;

/** How the artifacts are laid out in {@code --dest}. */
public enum Layout {
  /** All files in one directory, named {@code artifactId-version[-classifier].extension}. */
  FLAT,
  /** A Maven local repository ({@code group/path/artifactId/version/...}), POMs included. */
  REPOSITORY
}
