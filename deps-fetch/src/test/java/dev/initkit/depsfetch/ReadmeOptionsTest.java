package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The README's options table and the command's options cannot drift apart. */
class ReadmeOptionsTest {
  private static final Pattern OPTION = Pattern.compile("--\\[no-]([a-z-]+)|--([a-z-]+)");

  @Test
  void readmeTableListsEveryOptionWithItsVariable() throws IOException {
    Set<String> documented = new TreeSet<>();
    Set<String> documentedVariables = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
      // Cells split on a bar that is not escaped, as inside `compile\|runtime`.
      String[] cells = line.split("(?<!\\\\)\\|");
      if (!line.startsWith("| `") || cells.length < 3) {
        continue;
      }
      Matcher names = OPTION.matcher(cells[1]);
      if (names.find()) {
        documented.add("--" + (names.group(1) != null ? names.group(1) : names.group(2)));
        String variable = cells[2].replace("`", "").strip();
        if (!variable.isEmpty()) {
          documentedVariables.add(variable);
        }
      }
    }

    Set<String> options = new TreeSet<>();
    Set<String> variables = new TreeSet<>();
    for (OptionSpec option : new CommandLine(new DepsFetchCommand()).getCommandSpec().options()) {
      options.add(option.longestName());
      if (!option.usageHelp() && !option.versionHelp()) {
        variables.add(
            "DEPS_FETCH_" + option.longestName().substring(2).toUpperCase().replace('-', '_'));
      }
    }
    assertThat(documented).isEqualTo(options);
    assertThat(documentedVariables).isEqualTo(variables);
  }
}
