package dev.initkit.dbwait.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.common.failure.UsageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitScriptLoaderTest {
  @TempDir Path dir;

  @Test
  void directoryMeansItsSqlFilesInNameOrderAfterTheFilesGivenBefore() throws Exception {
    Path scripts = Files.createDirectory(dir.resolve("scripts"));
    Files.writeString(scripts.resolve("010-b.sql"), "SELECT 10;");
    Files.writeString(scripts.resolve("002-a.sql"), "SELECT 2;");
    Files.writeString(scripts.resolve("notes.txt"), "not a script");
    Files.writeString(scripts.resolve(".hidden.sql"), "SELECT 0;");
    Files.createDirectory(scripts.resolve("999-dir.sql"));
    Path first = Files.writeString(dir.resolve("000-first.sql"), "SELECT 0;");

    List<InitScript> loaded = InitScriptLoader.load(List.of(first, scripts));

    assertThat(loaded)
        .extracting(InitScript::name)
        .containsExactly("000-first.sql", "002-a.sql", "010-b.sql");
  }

  @Test
  void checksumIsTheSha256OfTheFilesBytes() throws Exception {
    Path script = Files.writeString(dir.resolve("a.sql"), "abc");

    InitScript loaded = InitScriptLoader.load(List.of(script)).get(0);

    assertThat(loaded.sha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(loaded.text()).isEqualTo("abc");
  }

  @Test
  void byteOrderMarkIsNotPartOfTheText() throws Exception {
    Path script =
        Files.write(dir.resolve("bom.sql"), "\uFEFFSELECT 1;".getBytes(StandardCharsets.UTF_8));

    assertThat(InitScriptLoader.load(List.of(script)).get(0).text()).isEqualTo("SELECT 1;");
  }

  @Test
  void symbolicLinksLikeAConfigMapsAreFollowed() throws Exception {
    // A ConfigMap volume: each key is a link into a hidden ..data directory.
    Path data = Files.createDirectories(dir.resolve("cm/..2026_11_26/"));
    Files.writeString(data.resolve("001.sql"), "SELECT 1;");
    Files.createSymbolicLink(dir.resolve("cm/..data"), data.getFileName());
    Files.createSymbolicLink(dir.resolve("cm/001.sql"), Path.of("..data/001.sql"));

    assertThat(InitScriptLoader.load(List.of(dir.resolve("cm"))))
        .extracting(InitScript::name)
        .containsExactly("001.sql");
  }

  @Test
  void missingPathIsAUsageError() {
    assertThatThrownBy(() -> InitScriptLoader.load(List.of(dir.resolve("nope.sql"))))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("nope.sql does not exist");
  }
}
