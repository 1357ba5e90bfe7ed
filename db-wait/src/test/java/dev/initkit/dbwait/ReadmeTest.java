package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The manual's options table and {@code --help} name the same options and variables. */
class ReadmeTest {
  private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]+");
  private static final Pattern VARIABLE = Pattern.compile("DB_WAIT_[A-Z_]+");

  @Test
  void optionsTableMatchesTheHelp() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    String table = readme.substring(readme.indexOf("## Options"), readme.indexOf("## How fast"));
    ToolResult help = ToolRun.of(new DbWaitCommand()).args("--help").run();
    String options = help.stdout().substring(help.stdout().indexOf("[TARGET...]"));

    Set<String> fromTable = new TreeSet<>();
    Set<String> fromHelp = new TreeSet<>();
    for (String row : table.split("\n")) {
      if (row.startsWith("| `-")) {
        // Cells are split at pipes that are not escaped (text\|json is one cell).
        String[] cells = row.split("(?<!\\\\)\\|");
        collect(OPTION, cells[1], fromTable);
        collect(VARIABLE, cells[2], fromTable);
      }
    }
    for (String line : options.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("-")) {
        collect(OPTION, trimmed.split("\\s{2,}")[0], fromHelp);
      }
      collect(VARIABLE, line, fromHelp);
    }

    assertThat(fromTable).isEqualTo(fromHelp);
  }

  private static void collect(Pattern pattern, String text, Set<String> into) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      into.add(m.group());
    }
  }
}
