package dev.initkit.envrender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The manual's options table and --help name the same options and variables. */
class ReadmeTest {
  private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");
  private static final Pattern VARIABLE = Pattern.compile("ENV_RENDER_[A-Z_]+");

  @Test
  void optionsTableMatchesHelp() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String table =
        readme.substring(readme.indexOf("## Options"), readme.indexOf("## Env-file formats"));
    Set<String> readmeOptions = new TreeSet<>();
    Set<String> readmeVariables = new TreeSet<>();
    for (String line : table.split("\n")) {
      if (line.startsWith("| `")) {
        String[] cells = line.split("(?<!\\\\)\\|");
        collect(OPTION.matcher(cells[1]), readmeOptions);
        collect(VARIABLE.matcher(cells[2]), readmeVariables);
      }
    }

    ToolResult help = ToolRun.of(new EnvRenderCommand()).args("--help").run();
    Set<String> helpOptions = new TreeSet<>();
    Set<String> helpVariables = new TreeSet<>();
    for (String line : help.stdout().split("\n")) {
      if (line.matches("^\\s+(-\\w, )?--.*")) {
        Matcher m = OPTION.matcher(line.strip().split("[ =]")[0].replaceFirst("^-\\w, ", ""));
        collect(m, helpOptions);
        Matcher second = OPTION.matcher(line.strip());
        if (line.strip().startsWith("-") && !line.strip().startsWith("--") && second.find()) {
          helpOptions.add(second.group());
        }
      }
      collect(VARIABLE.matcher(line), helpVariables);
    }

    assertThat(help.exitCode()).isZero();
    assertThat(readmeOptions).isEqualTo(helpOptions);
    assertThat(readmeVariables).as(help.stdout()).isEqualTo(helpVariables);
  }

  private static void collect(Matcher matcher, Set<String> into) {
    while (matcher.find()) {
      into.add(matcher.group());
    }
  }
}
