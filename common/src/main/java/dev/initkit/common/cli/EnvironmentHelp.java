package dev.initkit.common.cli;

import java.util.Arrays;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IOptionRenderer;
import picocli.CommandLine.Help.IParamLabelRenderer;
import picocli.CommandLine.IHelpFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --help} that names, under each option, the environment variable that sets it. */
final class EnvironmentHelp extends Help {
  private final EnvironmentDefaults defaults;

  private EnvironmentHelp(CommandSpec spec, ColorScheme scheme, EnvironmentDefaults defaults) {
    super(spec, scheme);
    this.defaults = defaults;
  }

  static IHelpFactory factory(EnvironmentDefaults defaults) {
    return (spec, scheme) -> new EnvironmentHelp(spec, scheme, defaults);
  }

  @Override
  public IOptionRenderer createDefaultOptionRenderer() {
    IOptionRenderer plain = super.createDefaultOptionRenderer();
    return (OptionSpec option, IParamLabelRenderer labels, ColorScheme scheme) -> {
      Text[][] rows = plain.render(option, labels, scheme);
      return defaults
          .variable(option)
          .map(name -> withRow(rows, scheme, "  env: " + name))
          .orElse(rows);
    };
  }

  private static Text[][] withRow(Text[][] rows, ColorScheme scheme, String description) {
    int columns = rows.length == 0 ? 5 : rows[0].length;
    Text[] row = new Text[columns];
    Arrays.fill(row, scheme.text(""));
    row[columns - 1] = scheme.text(description);
    Text[][] result = Arrays.copyOf(rows, rows.length + 1);
    result[rows.length] = row;
    return result;
  }
}
