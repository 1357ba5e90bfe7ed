package dev.initkit.gitfetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ProcessResult;
import dev.initkit.common.testkit.ToolImage;
import dev.initkit.common.testkit.ToolImageContract;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git-fetch image in a real podman, run as a kubelet runs an init container (uid 65532, a
 * read-only root without a writable /tmp, no LANG from outside), cloning from a git server on
 * loopback into a volume that a main container of another uid reads through the Pod's fsGroup.
 */
class GitFetchImageIT extends ToolImageContract {
  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();

  @TempDir Path dir;

  @Override
  protected String tool() {
    return "git-fetch";
  }

  @Test
  void clonesIntoAVolumeThatAnotherUidReads() throws IOException {
    TestRepository repo = server.repo("image-app");
    repo.commit("main", "first", TestRepository.tree().file("docs/grüße.txt", "hello, 世界\n"));
    Path volume = ToolImage.sharedVolume(dir);

    ProcessResult clone =
        image
            .tool()
            .groupAdd(ToolImage.FS_GROUP)
            .volume(volume, "/volume", false)
            .args("--repo", repo.url(), "--ref", "main", "--dest", "/volume/app")
            .run(ToolImage.RUN_TIMEOUT);
    ProcessResult read = image.read(volume, "/volume", "cat", "/volume/app/docs/grüße.txt");

    assertThat(clone.exitCode()).as(clone.stderr()).isZero();
    assertThat(read.exitCode()).as(read.stderr()).isZero();
    assertThat(read.stdout()).isEqualTo("hello, 世界\n");
  }
}
