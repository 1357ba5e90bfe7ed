package dev.initkit.common.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.common.failure.UsageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionFilesTest {
  @TempDir Path dir;

  @Test
  void readsTheWholeFileAsUtf8() throws Exception {
    Path file =
        Files.writeString(dir.resolve("list"), "a:b:1 # é\n\nc:d:2\n", StandardCharsets.UTF_8);

    assertThat(OptionFiles.read("--list", file)).isEqualTo("a:b:1 # é\n\nc:d:2\n");
  }

  @Test
  void aMissingFileIsAUsageErrorNamingTheOptionAndTheFile() {
    Path missing = dir.resolve("missing");

    assertThatThrownBy(() -> OptionFiles.read("--list", missing))
        .isInstanceOf(UsageException.class)
        .hasMessage("cannot read --list " + missing + ": NoSuchFileException");
  }

  @Test
  void aDirectoryIsAUsageErrorToo() {
    assertThatThrownBy(() -> OptionFiles.read("--list", dir))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("cannot read --list " + dir + ": ");
  }

  @Test
  void textThatIsNotUtf8IsAUsageError() throws Exception {
    Path file = Files.write(dir.resolve("latin1"), new byte[] {'a', (byte) 0xE9, '\n'});

    assertThatThrownBy(() -> OptionFiles.read("--list", file))
        .isInstanceOf(UsageException.class)
        .hasMessage("cannot read --list " + file + ": MalformedInputException");
  }
}
