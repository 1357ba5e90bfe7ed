package dev.initkit.common.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every tool image must do, for each tool module's image test to extend: the image the build
 * wrote is loaded once per test class (removed after), and {@code --version} runs as uid 65532 on a
 * read-only root without a writable /tmp, and starts from the class-data archive the build put in
 * the image. Subclasses add the tool's own real job.
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

  /**
   * The JVM falls back silently when the archive that the entrypoint names does not map (by design:
   * it only costs start-up time), so a broken archive would show nowhere else. {@code -Xshare:on}
   * turns that fallback into a failure to start. (A build with {@code
   * -Dimage.class-archive.skip=true}, or for a runtime older than JDK 19, ships no archive.)
   */
  @Test
  void startsFromItsClassDataArchive() {
    assumeTrue(
        Files.exists(Path.of("target/class-archive/app.jsa")), "built without a class archive");
    ProcessResult result =
        image
            .tool()
            .env("JAVA_TOOL_OPTIONS", "-Xshare:on")
            .args("--version")
            .run(ToolImage.RUN_TIMEOUT);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
  }
}
