package dev.initkit.common.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every tool image must do, for each tool module's image test to extend: the image the build
 * wrote is loaded once per test class (removed after), and {@code --version} runs as uid 65532 on a
 * read-only root without a writable /tmp. Subclasses add the tool's own real job.
 */
public abstract class ToolImageContract {
  protected static ToolImage image;

  @BeforeAll
  static void loadImage() {
    image = ToolImage.loadFromBuild();
  }

  @AfterAll
  static void removeImage() {
    image.close();
  }

  /** The tool's name, as {@code --version} starts its first line. */
  protected abstract String tool();

  @Test
  void versionRunsAsNonRootOnAReadOnlyRoot() {
    ProcessResult result = image.tool().args("--version").run(ToolImage.RUN_TIMEOUT);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).startsWith(tool() + " ").contains("(commit ");
  }
}
