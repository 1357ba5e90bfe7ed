package dev.initkit.envrender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.Podman;
import dev.initkit.common.testkit.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The env-render image in a real podman, run as a kubelet runs an init container: uid 65532, a
 * read-only root without a writable /tmp, no LANG from outside, a volume that a main container of
 * another uid then reads through the Pod's fsGroup.
 */
class EnvRenderImageIT {
  private static final int FS_GROUP = 4000;
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
  private static final Podman PODMAN = Podman.forProject();
  private static String image;

  @TempDir Path dir;

  @BeforeAll
  static void loadImage() {
    image = PODMAN.load(Path.of("target/jib-image.tar"));
  }

  @AfterAll
  static void removeImage() {
    PODMAN.removeImage(image);
  }

  @Test
  void versionRunsAsNonRootOnAReadOnlyRoot() {
    ProcessResult result = PODMAN.container(image).args("--version").run(RUN_TIMEOUT);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).startsWith("env-render ").contains("(commit ");
  }

  @Test
  void rendersANonAsciiValueThatAnotherUidReads() throws IOException {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("app.conf.tmpl"), "greeting=${GREETING}\n");
    Path volume = Podman.sharedVolume(dir, "volume", FS_GROUP);

    ProcessResult render =
        PODMAN
            .container(image)
            .groupAdd(FS_GROUP)
            .volume(templates, "/templates", true)
            .volume(volume, "/config", false)
            .env("APP_GREETING", "grüß dich, 世界")
            .args("--env-prefix", "APP_", "--strip-env-prefix")
            .args("--template", "/templates/app.conf.tmpl:/config/app.conf")
            .run(RUN_TIMEOUT);
    ProcessResult read =
        PODMAN
            .container(image)
            .user(1000, 1000)
            .groupAdd(FS_GROUP)
            .volume(volume, "/config", true)
            .volume(Path.of("/bin/busybox"), "/busybox", true)
            .entrypoint("/busybox")
            .args("cat", "/config/app.conf")
            .run(RUN_TIMEOUT);

    assertThat(render.exitCode()).as(render.stderr()).isZero();
    assertThat(read.exitCode()).as(read.stderr()).isZero();
    assertThat(read.stdout()).isEqualTo("greeting=grüß dich, 世界\n");
  }
}
