package dev.initkit.common.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

class EnvironmentDefaultsTest {
  @Command(name = "db-wait")
  static class Options {
    @Option(names = "--retry-max-interval")
    String retryMaxInterval;

    @Option(names = "--url", split = EnvironmentDefaults.LINES)
    List<String> urls;
  }

  @Command(name = "broken")
  static class ListWithoutSplit {
    @Option(names = "--item")
    List<String> items;
  }

  private final CommandSpec spec = new CommandLine(new Options()).getCommandSpec();

  @Test
  void namesVariablesToolThenOptionInUpperSnakeCase() {
    EnvironmentDefaults defaults = new EnvironmentDefaults("db-wait", Map.of(), Map.of());

    assertThat(defaults.variable(spec.findOption("--retry-max-interval")))
        .contains("DB_WAIT_RETRY_MAX_INTERVAL");
  }

  @Test
  void environmentComesBeforeToolDefaults() {
    EnvironmentDefaults defaults =
        new EnvironmentDefaults(
            "db-wait",
            Map.of("DB_WAIT_RETRY_MAX_INTERVAL", "2s"),
            Map.of("--retry-max-interval", "1s", "--url", "tcp://a:1"));

    assertThat(defaults.defaultValue(spec.findOption("--retry-max-interval"))).isEqualTo("2s");
    assertThat(defaults.defaultValue(spec.findOption("--url"))).isEqualTo("tcp://a:1");
  }

  @Test
  void listsVariableItemsOnePerLine() {
    Options options = new Options();
    CommandLine commandLine = new CommandLine(options);
    commandLine.setDefaultValueProvider(
        new EnvironmentDefaults(
            "db-wait", Map.of("DB_WAIT_URL", "tcp://a:1\r\ntcp://b:2,3"), Map.of()));

    commandLine.parseArgs();

    assertThat(options.urls).containsExactly("tcp://a:1", "tcp://b:2,3");
  }

  @Test
  void reportsUnknownVariablesWithTheClosestName() {
    EnvironmentDefaults defaults =
        new EnvironmentDefaults(
            "db-wait",
            Map.of("DB_WAIT_UR", "x", "DB_WAIT_SOMETHING_ELSE", "y", "OTHER", "z"),
            Map.of());

    assertThat(defaults.unknownVariables(spec))
        .containsExactly("DB_WAIT_SOMETHING_ELSE", "DB_WAIT_UR (did you mean DB_WAIT_URL?)");
  }

  @Test
  void rejectsAListOptionWithoutADeclaredSplit() {
    CommandSpec broken = new CommandLine(new ListWithoutSplit()).getCommandSpec();

    assertThatThrownBy(() -> EnvironmentDefaults.checkListSplits(broken))
        .hasMessageContaining("--item is a list");
  }
}
