package dev.initkit.common.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingAreaTest {
  private static final String RANDOM = "0123456789abcdef";

  @TempDir Path volume;

  private Path dest() {
    return volume.resolve("out");
  }

  private static PublishOptions ordinaryDirectory() {
    return PublishOptions.directory().withType(DestinationType.ORDINARY_PATH);
  }

  private void publishGeneration(String generation, int count) throws Exception {
    try (StagingArea area = StagingArea.open(dest(), ordinaryDirectory())) {
      GenerationTree.write(area.path(), count, generation);
      area.publish();
    }
  }

  private List<String> volumeEntries() throws IOException {
    try (Stream<Path> entries = Files.list(volume)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void stagingIsAnEmptyHiddenDirectoryNextToTheDestination() throws Exception {
    try (StagingArea area = StagingArea.open(dest(), ordinaryDirectory())) {
      assertThat(area.path()).isEmptyDirectory();
      assertThat(area.path().getParent()).isEqualTo(volume.toAbsolutePath());
      assertThat(area.path().getFileName().toString())
          .matches("\\.out\\.initkit-staging-[0-9a-f]{16}");
      assertThat(area.type()).isEqualTo(DestinationType.ORDINARY_PATH);
      assertThat(dest()).doesNotExist();
    }
  }

  @Test
  void publishMakesTheStagedDirectoryTheDestination() throws Exception {
    publishGeneration("gen-1", 10);

    assertThat(GenerationTree.generationOf(dest(), 10)).isEqualTo("gen-1");
    assertThat(volumeEntries()).containsExactly(".out.initkit-lock", "out");
  }

  @Test
  void publishReplacesPreviousResultWhole() throws Exception {
    publishGeneration("gen-1", 12);
    publishGeneration("gen-2", 8);

    // Files of the previous result that the new one lacks are gone: no merge.
    assertThat(GenerationTree.generationOf(dest(), 8)).isEqualTo("gen-2");
    assertThat(volumeEntries()).containsExactly(".out.initkit-lock", "out");
  }

  @Test
  void singleFileResultReplacesPreviousFile() throws Exception {
    Path dest = volume.resolve("app.env");
    Files.writeString(dest, "OLD=1\n");
    try (StagingArea area = StagingArea.open(dest, PublishOptions.file())) {
      assertThat(area.path()).isEmptyFile();
      assertThat(FileModesTest.modeOf(area.path())).isEqualTo(0600);
      Files.writeString(area.path(), "NEW=2\n");
      area.publish();
    }

    assertThat(dest).hasContent("NEW=2");
    assertThat(volumeEntries()).containsExactly(".app.env.initkit-lock", "app.env");
  }

  @Test
  void directoryResultReplacesAFileAtTheDestination() throws Exception {
    Files.writeString(dest(), "was a file");

    publishGeneration("gen-1", 3);

    assertThat(GenerationTree.generationOf(dest(), 3)).isEqualTo("gen-1");
  }

  @Test
  void closeWithoutPublishingDeletesStagingAndKeepsPreviousResult() throws Exception {
    publishGeneration("gen-1", 5);
    Path staging;
    try (StagingArea area = StagingArea.open(dest(), ordinaryDirectory())) {
      staging = area.path();
      GenerationTree.write(staging, 3, "gen-2");
    }

    assertThat(staging).doesNotExist();
    assertThat(GenerationTree.generationOf(dest(), 5)).isEqualTo("gen-1");
  }

  @Test
  void staleStagingFromKilledRunIsRemoved() throws Exception {
    publishGeneration("gen-1", 5);
    Path staleStaging = volume.resolve(".out.initkit-staging-" + RANDOM);
    Path staleFile = volume.resolve(".out.initkit-staging-fedcba9876543210");
    Path staleOld = volume.resolve(".out.initkit-old-" + RANDOM);
    GenerationTree.write(staleStaging, 2, "killed");
    Files.writeString(staleFile, "killed");
    GenerationTree.write(staleOld, 2, "older");

    StagingArea.open(dest(), ordinaryDirectory()).close();

    assertThat(staleStaging).doesNotExist();
    assertThat(staleFile).doesNotExist();
    assertThat(staleOld).doesNotExist();
    assertThat(GenerationTree.generationOf(dest(), 5)).isEqualTo("gen-1");
  }

  @Test
  void previousResultLeftMovedAsideByKilledRunIsPutBack() throws Exception {
    Path movedAside = volume.resolve(".out.initkit-old-" + RANDOM);
    GenerationTree.write(movedAside, 5, "gen-1");

    StagingArea.open(dest(), ordinaryDirectory()).close();

    assertThat(GenerationTree.generationOf(dest(), 5)).isEqualTo("gen-1");
    assertThat(movedAside).doesNotExist();
  }

  @Test
  void leftoversOfOtherDestinationsAreKept() throws Exception {
    Path otherDest = volume.resolve(".other.initkit-staging-" + RANDOM);
    Path notOurPattern = volume.resolve(".out.initkit-staging-not-random");
    Files.createDirectory(otherDest);
    Files.createDirectory(notOurPattern);

    StagingArea.open(dest(), ordinaryDirectory()).close();

    assertThat(otherDest).exists();
    assertThat(notOurPattern).exists();
  }

  @Test
  void interruptedWorkerDoesNotPublish() throws Exception {
    publishGeneration("gen-1", 4);
    try (StagingArea area = StagingArea.open(dest(), ordinaryDirectory())) {
      GenerationTree.write(area.path(), 4, "gen-2");
      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(area::publish).isInstanceOf(InterruptedIOException.class);
      } finally {
        Thread.interrupted();
      }
    }

    assertThat(GenerationTree.generationOf(dest(), 4)).isEqualTo("gen-1");
    assertThat(volumeEntries()).containsExactly(".out.initkit-lock", "out");
  }

  @Test
  void failedSecondRenamePutsPreviousResultBack() throws Exception {
    publishGeneration("gen-1", 4);
    Path[] staging = new Path[1];
    Runnable loseStaging =
        () -> {
          try {
            TreeDeleter.delete(staging[0]);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    try (StagingArea area = StagingArea.open(dest(), ordinaryDirectory(), loseStaging)) {
      staging[0] = area.path();
      GenerationTree.write(area.path(), 4, "gen-2");
      assertThatThrownBy(area::publish).isInstanceOf(IOException.class);
      assertThat(area.isPublished()).isFalse();
    }

    assertThat(GenerationTree.generationOf(dest(), 4)).isEqualTo("gen-1");
    assertThat(volumeEntries()).containsExactly(".out.initkit-lock", "out");
  }

  @Test
  void completionTextIsRecordedAndReadBack() throws Exception {
    try (StagingArea area = StagingArea.open(dest(), ordinaryDirectory())) {
      GenerationTree.write(area.path(), 2, "gen-1");
      area.publish("commit 1a2b3c4d");
    }

    assertThat(PublishedResult.completionText(dest())).contains("commit 1a2b3c4d");
    assertThat(PublishedResult.isComplete(dest(), DestinationType.DETECT)).isTrue();
  }

  @Test
  void ordinaryPathIsCompleteWhenItExists() throws Exception {
    assertThat(PublishedResult.isComplete(dest(), DestinationType.ORDINARY_PATH)).isFalse();
    assertThat(PublishedResult.completionText(dest())).isEmpty();

    publishGeneration("gen-1", 1);

    assertThat(PublishedResult.isComplete(dest(), DestinationType.ORDINARY_PATH)).isTrue();
    assertThat(PublishedResult.completionText(dest())).isEmpty();
  }

  @Test
  void publishingWithNothingStagedFailsAndKeepsPreviousResult() throws Exception {
    publishGeneration("gen-1", 2);
    try (StagingArea area = StagingArea.open(dest(), ordinaryDirectory())) {
      Files.delete(area.path());
      assertThatThrownBy(area::publish)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("nothing");
    }

    assertThat(GenerationTree.generationOf(dest(), 2)).isEqualTo("gen-1");
  }

  @Test
  void stagingDirectoryIsOwnerOnlyWhileBeingWritten() throws Exception {
    try (StagingArea area = StagingArea.open(dest(), ordinaryDirectory())) {
      assertThat(FileModesTest.modeOf(area.path())).isEqualTo(0700);
    }
  }

  @Test
  void secretSingleFileIsPublishedGroupReadableOnly() throws Exception {
    Path dest = volume.resolve("app.env");
    PublishOptions options = PublishOptions.file().withModes(FileModes.defaults().allSecret());
    try (StagingArea area = StagingArea.open(dest, options)) {
      Files.writeString(area.path(), "PASSWORD=x\n");
      area.publish();
    }

    assertThat(FileModesTest.modeOf(dest)).isEqualTo(0640);
  }

  @Test
  void symbolicLinksInTheResultAreNotFollowedWhenStagingIsDeleted() throws Exception {
    Path outside = Files.createDirectory(volume.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "keep");
    try (StagingArea area = StagingArea.open(dest(), ordinaryDirectory())) {
      Files.createSymbolicLink(area.path().resolve("link"), outside);
    }

    assertThat(outside.resolve("keep.txt")).hasContent("keep");
  }

  @Test
  void publishedResultGetsTheConfiguredModes() throws Exception {
    try (StagingArea area = StagingArea.open(dest(), ordinaryDirectory())) {
      GenerationTree.write(area.path(), 2, "gen-1");
      area.publish();
    }

    assertThat(FileModesTest.modeOf(dest())).isEqualTo(0755);
    assertThat(FileModesTest.modeOf(GenerationTree.file(dest(), 1).getParent())).isEqualTo(0755);
    assertThat(FileModesTest.modeOf(GenerationTree.file(dest(), 1))).isEqualTo(0644);
  }

  @Test
  void everyFileOfALargeResultGetsItsModeOnSeveralThreads() throws Exception {
    int count = 4 * ParallelIo.PATHS_PER_THREAD;
    PublishOptions groupWritable =
        ordinaryDirectory().withModes(FileModes.defaults().groupWritable());
    try (StagingArea area = StagingArea.open(dest(), groupWritable)) {
      GenerationTree.write(area.path(), count, "gen-1");
      area.publish();
    }

    for (int i = 0; i < count; i++) {
      assertThat(FileModesTest.modeOf(GenerationTree.file(dest(), i)))
          .as("file %d", i)
          .isEqualTo(0664);
    }
    assertThat(FileModesTest.modeOf(GenerationTree.file(dest(), 1).getParent())).isEqualTo(0775);
  }
}
