package dev.initkit.common.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FsyncTest {
  @Test
  void tmpfsLivesInMemoryOnly() throws Exception {
    Path shm = Path.of("/dev/shm");
    assumeTrue(Files.isDirectory(shm), "no /dev/shm here");

    assertThat(Fsync.isMemoryOnly(shm)).isTrue();
  }

  @Test
  void otherFileSystemsDoNot() throws Exception {
    assertThat(Fsync.isMemoryOnly(Path.of("/proc"))).isFalse();
  }
}
