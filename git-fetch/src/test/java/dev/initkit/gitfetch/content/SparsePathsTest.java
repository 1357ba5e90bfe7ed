package dev.initkit.gitfetch.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparsePathsTest {
  @Test
  void leadingAndTrailingSlashesAreDroppedAndTheListSortedWithoutDuplicates() {
    assertThat(SparsePaths.parse(List.of("/src/", "./docs", "docs/", " bin/run.sh ")).paths())
        .containsExactly("bin/run.sh", "docs", "src");
  }

  @Test
  void noPathsMeansTheWholeTree() {
    assertThat(SparsePaths.parse(List.of()).isAll()).isTrue();
  }

  @Test
  void pathsThatLeaveTheRepositoryOrNameNothingAreRefused() {
    for (String bad : List.of("", "/", "..", "a/../b", "a//b", "a/./b")) {
      assertThatThrownBy(() -> SparsePaths.parse(List.of(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theFingerprintChangesWithThePathsAndTheSubmoduleMode() {
    ContentSelection docs =
        new ContentSelection(SparsePaths.parse(List.of("docs")), SubmoduleMode.RECURSIVE);
    assertThat(docs.fingerprint())
        .isEqualTo(
            new ContentSelection(SparsePaths.parse(List.of("docs/")), SubmoduleMode.RECURSIVE)
                .fingerprint())
        .isNotEqualTo(ContentSelection.DEFAULT.fingerprint())
        .isNotEqualTo(
            new ContentSelection(SparsePaths.parse(List.of("docs")), SubmoduleMode.OFF)
                .fingerprint());
  }
}
