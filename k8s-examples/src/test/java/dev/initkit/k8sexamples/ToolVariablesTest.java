package dev.initkit.k8sexamples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code <TOOL>_<OPTION>} variable that an example sets is one the tool's manual documents,
 * so an option renamed in a tool breaks this test rather than the examples users paste. Runs for
 * each tool whose manual ({@code <tool>/README.md}) is in the tree.
 */
class ToolVariablesTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"git-fetch", "deps-fetch", "db-wait", "env-render"})
  void everyVariableTheExamplesSetIsInTheToolsManual(String tool) throws IOException {
    Path manual = ProjectPaths.root().resolve(tool + "/README.md");
    assertThat(manual).as("every tool's manual").exists();
    String prefix = tool.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_";

    Set<String> used = variablesUsed(prefix);
    assertThat(used).as("variables of %s in the examples", tool).isNotEmpty();
    String text = Files.readString(manual);
    Set<String> undocumented = new TreeSet<>();
    for (String variable : used) {
      if (!text.contains("`" + variable + "`")) {
        undocumented.add(variable);
      }
    }
    assertThat(undocumented).as("variables %s's manual does not list", tool).isEmpty();
  }

  private static Set<String> variablesUsed(String prefix) throws IOException {
    Pattern variable = Pattern.compile("\\b" + prefix + "[A-Z0-9_]+");
    Path module = Kustomize.moduleDir();
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(module)) {
      for (Path file :
          files
              .filter(p -> p.toString().endsWith(".yaml"))
              .filter(p -> !module.relativize(p).startsWith("src"))
              .filter(p -> !module.relativize(p).startsWith("target"))
              .toList()) {
        Matcher m = variable.matcher(Files.readString(file));
        while (m.find()) {
          used.add(m.group());
        }
      }
    }
    return used;
  }
}
