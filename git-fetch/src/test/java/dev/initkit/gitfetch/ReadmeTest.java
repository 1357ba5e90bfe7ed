package dev.initkit.gitfetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The README's options table and the command's options cannot drift apart. */
class ReadmeTest {
  private static final Pattern ROW = Pattern.compile("^\\| `(--[a-z-]+)` \\| `([A-Z_]+)` \\|");

  @Test
  void optionsTableListsEveryOptionWithItsVariable() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    Map<String, String> documented = new TreeMap<>();
    for (String line : readme.split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        documented.put(m.group(1), m.group(2));
      }
    }
    Map<String, String> actual = new TreeMap<>();
    for (OptionSpec option : new CommandLine(new GitFetchCommand()).getCommandSpec().options()) {
      if (option.usageHelp() || option.versionHelp()) {
        continue;
      }
      String name = option.longestName();
      actual.put(
          name,
          "GIT_FETCH_" + name.substring(2).toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    assertThat(documented).isEqualTo(actual);
  }
}
