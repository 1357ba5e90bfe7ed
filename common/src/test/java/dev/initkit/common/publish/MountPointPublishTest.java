package dev.initkit.common.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.common.failure.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mount-point mode, forced by the caller: a test cannot mount a volume. */
class MountPointPublishTest {
  @TempDir Path volume;

  private Path mount() throws IOException {
    return Files.createDirectories(volume.resolve("mnt"));
  }

  private static PublishOptions mountPoint() {
    return PublishOptions.directory().withType(DestinationType.MOUNT_POINT);
  }

  private List<String> entries(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private void publishGeneration(Path mount, String generation, int count) throws Exception {
    try (StagingArea area = StagingArea.open(mount, mountPoint())) {
      GenerationTree.write(area.path(), count, generation);
      area.publish(generation);
    }
  }

  @Test
  void stagingAndLockLiveHiddenInsideTheMountPoint() throws Exception {
    Path mount = mount();
    try (StagingArea area = StagingArea.open(mount, mountPoint())) {
      assertThat(area.type()).isEqualTo(DestinationType.MOUNT_POINT);
      assertThat(area.path().getParent()).isEqualTo(mount.toAbsolutePath());
      assertThat(area.path().getFileName().toString()).matches("\\.initkit-staging-[0-9a-f]{16}");
      assertThat(mount.resolve(".initkit-lock")).exists();
    }
    assertThat(entries(volume)).containsExactly("mnt");
  }

  @Test
  void mountPointGetsEntriesThenMarker() throws Exception {
    Path mount = mount();

    publishGeneration(mount, "gen-1", 10);

    assertThat(GenerationTree.generationOf(mount, 10)).isEqualTo("gen-1");
    assertThat(entries(mount))
        .containsExactly(".initkit-complete", ".initkit-lock", "d0", "d1", "d2", "d3");
    assertThat(PublishedResult.completionText(mount)).contains("gen-1");
    assertThat(PublishedResult.isComplete(mount, DestinationType.MOUNT_POINT)).isTrue();
    assertThat(FileModesTest.modeOf(mount.resolve(".initkit-complete"))).isEqualTo(0644);
  }

  @Test
  void thePublishersOwnEntriesAreTheOnlyOnesItNamesSo() throws Exception {
    Path mount = mount();

    publishGeneration(mount, "gen-1", 10);

    try (var entries = Files.list(mount)) {
      assertThat(
              entries
                  .filter(PublishedResult::isPublisherEntry)
                  .map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(".initkit-complete", ".initkit-lock");
    }
  }

  @Test
  void mountPointPublishReplacesOldEntries() throws Exception {
    Path mount = mount();
    Files.writeString(mount.resolve("from-before.txt"), "x");
    publishGeneration(mount, "gen-1", 12);

    publishGeneration(mount, "gen-2", 5);

    assertThat(GenerationTree.generationOf(mount, 5)).isEqualTo("gen-2");
    assertThat(mount.resolve("from-before.txt")).doesNotExist();
    assertThat(PublishedResult.completionText(mount)).contains("gen-2");
  }

  @Test
  void entriesWithoutMarkerAreNotComplete() throws Exception {
    Path mount = mount();
    GenerationTree.write(mount, 3, "unmarked");

    assertThat(PublishedResult.isComplete(mount, DestinationType.MOUNT_POINT)).isFalse();
    assertThat(PublishedResult.completionText(mount)).isEmpty();
  }

  @Test
  void runClosedBeforePublishingLeavesPreviousResultMarked() throws Exception {
    Path mount = mount();
    publishGeneration(mount, "gen-1", 4);

    try (StagingArea area = StagingArea.open(mount, mountPoint())) {
      GenerationTree.write(area.path(), 4, "gen-2");
    }

    assertThat(GenerationTree.generationOf(mount, 4)).isEqualTo("gen-1");
    assertThat(PublishedResult.completionText(mount)).contains("gen-1");
    assertThat(entries(mount)).noneMatch(name -> name.startsWith(".initkit-staging-"));
  }

  @Test
  void staleStagingAndMarkerTempFromKilledRunAreRemoved() throws Exception {
    Path mount = mount();
    Path staleStaging = mount.resolve(".initkit-staging-0123456789abcdef");
    Path staleMarker = mount.resolve(".initkit-complete.tmp-4242");
    GenerationTree.write(staleStaging, 2, "killed");
    Files.writeString(staleMarker, "killed");

    publishGeneration(mount, "gen-1", 2);

    assertThat(staleStaging).doesNotExist();
    assertThat(staleMarker).doesNotExist();
    assertThat(GenerationTree.generationOf(mount, 2)).isEqualTo("gen-1");
  }

  @Test
  void publishWithoutTextStillMarksTheResultComplete() throws Exception {
    Path mount = mount();
    try (StagingArea area = StagingArea.open(mount, mountPoint())) {
      GenerationTree.write(area.path(), 1, "gen-1");
      area.publish();
    }

    assertThat(PublishedResult.isComplete(mount, DestinationType.MOUNT_POINT)).isTrue();
    assertThat(PublishedResult.completionText(mount)).isEmpty();
  }

  @Test
  void completionTextMustBeOneShortLine() throws Exception {
    try (StagingArea area = StagingArea.open(mount(), mountPoint())) {
      assertThatThrownBy(() -> area.publish("two\nlines"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> area.publish("x".repeat(5000)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void singleFileCannotBePublishedToAMountPoint() {
    assertThatThrownBy(() -> PublishOptions.file().withType(DestinationType.MOUNT_POINT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void detectedMountPointRejectsASingleFile() {
    Path proc = Path.of("/proc");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc.resolve("self")));

    assertThatThrownBy(() -> StagingArea.open(proc, PublishOptions.file()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("mount its directory");
  }

  @Test
  void mountPointIsDetectedByItsDevice() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));

    assertThat(MountPoints.isMountPoint(Path.of("/proc"))).isTrue();
    assertThat(MountPoints.isMountPoint(mount())).isFalse();
    assertThat(MountPoints.isMountPoint(volume.resolve("absent"))).isFalse();
  }
}
