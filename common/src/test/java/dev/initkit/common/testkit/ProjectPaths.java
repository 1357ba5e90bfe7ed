package dev.initkit.common.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's files are, for tests that use its scripts, config or built images. */
public final class ProjectPaths {
  private ProjectPaths() {}

  /** The repository root: the system property set by the build, else found from the module. */
  public static Path root() {
    String configured = System.getProperty("initkit.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("not inside the initkit repository: " + Path.of(""));
    }
    return dir;
  }
}
