package dev.initkit.gitfetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.common.failure.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .netrc as curl reads it: entries over any whitespace, the first machine wins, then default. */
class NetrcFileTest {
  @TempDir Path dir;

  private NetrcFile file(String text) throws Exception {
    return NetrcFile.read(Files.writeString(dir.resolve("netrc"), text));
  }

  @Test
  void findsTheFirstEntryOfAHostThenTheDefault() throws Exception {
    NetrcFile netrc =
        file(
            "# a comment\n"
                + "machine Git.Example.org login ada password first account x\n"
                + "machine git.example.org login bob password second\n"
                + "macdef init\n"
                + "cd /pub\n"
                + "password inside-a-macro\n"
                + "\n"
                + "machine other.org\n"
                + "  login carol\n"
                + "  password third\n"
                + "default login anonymous password guest\n");

    assertThat(netrc.forHost("git.example.org"))
        .contains(new NetrcFile.Entry(Optional.of("ada"), Optional.of("first")));
    assertThat(netrc.forHost("other.org"))
        .contains(new NetrcFile.Entry(Optional.of("carol"), Optional.of("third")));
    assertThat(netrc.forHost("unknown.org"))
        .contains(new NetrcFile.Entry(Optional.of("anonymous"), Optional.of("guest")));
  }

  @Test
  void withoutDefaultAnUnknownHostHasNoEntry() throws Exception {
    assertThat(file("machine a.org login u password p\n").forHost("b.org")).isEmpty();
  }

  @Test
  void aKeywordWithoutItsValueIsAUsageError() throws Exception {
    assertThatThrownBy(() -> file("machine a.org login u password"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("'password' needs a value");
  }

  @Test
  void anUnknownKeywordIsAUsageErrorThatShowsNoValue() throws Exception {
    assertThatThrownBy(() -> file("machine a.org login u passwd s3cret-value\n"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("line 1")
        .hasMessageNotContaining("s3cret-value");
  }
}
