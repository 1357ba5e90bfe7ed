package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ProcessResult;
import dev.initkit.common.testkit.ToolImage;
import dev.initkit.common.testkit.ToolImageContract;
import dev.initkit.depsfetch.testrepo.Fixtures;
import dev.initkit.depsfetch.testrepo.ServedAcmeRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deps-fetch image in a real podman, run as a kubelet runs an init container (uid 65532, a
 * read-only root without a writable /tmp, no LANG from outside), downloading from a Maven
 * served.repository() on loopback into a volume that a main container of another uid reads.
 */
class DepsFetchImageIT extends ToolImageContract {

  @TempDir Path dir;
  @RegisterExtension final ServedAcmeRepository served = new ServedAcmeRepository();

  @Override
  protected String tool() {
    return "deps-fetch";
  }

  @Test
  void downloadsIntoAVolumeThatAnotherUidReads() throws Exception {
    Path volume = ToolImage.sharedVolume(dir);

    ProcessResult fetch =
        image
            .tool()
            .groupAdd(ToolImage.FS_GROUP)
            .volume(volume, "/volume", false)
            .args("--no-default-repositories", "--repository", "test=" + served.server().url())
            .args(Fixtures.APP, "--dest", "/volume/libs")
            .run(ToolImage.RUN_TIMEOUT);
    ProcessResult read = image.read(volume, "/volume", "sha256sum", "/volume/libs/core-1.0.jar");

    assertThat(fetch.exitCode()).as(fetch.stderr()).isZero();
    assertThat(read.exitCode()).as(read.stderr()).isZero();
    assertThat(read.stdout())
        .startsWith(
            TestRepositoryHashes.sha256(served.repository().read("org.acme:core:1.0", "", "jar")));
  }
}
