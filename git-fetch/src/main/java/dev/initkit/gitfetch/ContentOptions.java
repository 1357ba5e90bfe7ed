package dev.initkit.gitfetch;

import dev.initkit.common.cli.EnvironmentDefaults;
import dev.initkit.common.failure.UsageException;
import dev.initkit.gitfetch.content.ContentSelection;
import dev.initkit.gitfetch.content.SparsePaths;
import dev.initkit.gitfetch.content.SubmoduleMode;
import java.util.List;
import picocli.CommandLine.Option;

/** What of the commit goes into the checkout: {@code --submodules} and {@code --sparse}. */
public final class ContentOptions {
  @Option(
      order = 300,
      names = "--submodules",
      paramLabel = "off|shallow|recursive",
      defaultValue = "recursive",
      description =
          "Check out submodules at the commits the superproject records: none, the"
              + " superproject's only (shallow), or all the way down (default: ${DEFAULT-VALUE},"
              + " as git-sync).")
  SubmoduleMode submodules = SubmoduleMode.RECURSIVE;

  @Option(
      order = 310,
      names = "--sparse",
      paramLabel = "PATH",
      split = EnvironmentDefaults.LINES,
      hideParamSyntax = true,
      description =
          "Check out only this file or directory (with everything under it); repeat the"
              + " option, or one path per line in the variable. Default: the whole tree.")
  List<String> sparse = List.of();

  /** The validated selection. */
  ContentSelection selection() throws UsageException {
    try {
      return new ContentSelection(
          SparsePaths.parse(sparse == null ? List.of() : sparse), submodules);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--sparse: " + e.getMessage());
    }
  }
}
