package dev.initkit.envrender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ProcessResult;
import dev.initkit.common.testkit.ToolImage;
import dev.initkit.common.testkit.ToolImageContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The env-render image in a real podman, run as a kubelet runs an init container: uid 65532, a
 * read-only root without a writable /tmp, no LANG from outside, a volume that a main container of
 * another uid then reads through the Pod's fsGroup.
 */
class EnvRenderImageIT extends ToolImageContract {

  @TempDir Path dir;

  @Override
  protected String tool() {
    return "env-render";
  }

  @Test
  void rendersANonAsciiValueThatAnotherUidReads() throws IOException {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("app.conf.tmpl"), "greeting=${GREETING}\n");
    Path volume = ToolImage.sharedVolume(dir);

    ProcessResult render =
        image
            .tool()
            .groupAdd(ToolImage.FS_GROUP)
            .volume(templates, "/templates", true)
            .volume(volume, "/config", false)
            .env("APP_GREETING", "grüß dich, 世界")
            .args("--env-prefix", "APP_", "--strip-env-prefix")
            .args("--template", "/templates/app.conf.tmpl:/config/app.conf")
            .run(ToolImage.RUN_TIMEOUT);
    ProcessResult read = image.read(volume, "/config", "cat", "/config/app.conf");

    assertThat(render.exitCode()).as(render.stderr()).isZero();
    assertThat(read.exitCode()).as(read.stderr()).isZero();
    assertThat(read.stdout()).isEqualTo("greeting=grüß dich, 世界\n");
  }
}
