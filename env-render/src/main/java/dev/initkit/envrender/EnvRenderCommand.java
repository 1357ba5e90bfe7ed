package dev.initkit.envrender;

import dev.initkit.common.cli.EnvironmentDefaults;
import dev.initkit.common.cli.Launcher;
import dev.initkit.common.cli.ToolCommand;
import dev.initkit.common.cli.ToolContext;
import dev.initkit.common.cli.ToolOutcome;
import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.UsageException;
import dev.initkit.envrender.RenderOptions.TemplateTarget;
import dev.initkit.envrender.format.EnvFormat;
import dev.initkit.envrender.publish.StagingPublisher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The env-render command: parsing only; the work is {@link Renderer}'s. */
@Command(
    name = "env-render",
    description = {
      "Renders env files and config templates into a shared volume, correct for the program that"
          + " reads them.",
      "Variables come only from the sources named, lowest precedence first: --from-file,"
          + " --from-dir, --env-prefix, --env, --set (then --resolve-file-vars, then the"
          + " schema's defaults)."
    })
public final class EnvRenderCommand extends ToolCommand {
  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      split = EnvironmentDefaults.LINES,
      hideParamSyntax = true,
      converter = Assignment.Converter.class,
      description = "A variable; repeatable (in a variable: one per line). Highest precedence.")
  List<Assignment> sets = new ArrayList<>();

  @Option(
      names = "--env",
      paramLabel = "NAME",
      split = EnvironmentDefaults.COMMAS,
      description =
          "Take this variable from the process environment (comma-separated); left undefined"
              + " when not set.")
  List<String> envNames = new ArrayList<>();

  @Option(
      names = "--env-prefix",
      paramLabel = "PREFIX",
      split = EnvironmentDefaults.COMMAS,
      description =
          "Take every process environment variable whose name starts with PREFIX"
              + " (comma-separated). Nothing else of the environment is read.")
  List<String> envPrefixes = new ArrayList<>();

  @Option(
      names = "--strip-env-prefix",
      description = "Remove the --env-prefix from the names (APP_DB_HOST becomes DB_HOST).")
  boolean stripEnvPrefix;

  @Option(
      names = "--from-dir",
      paramLabel = "DIR",
      split = EnvironmentDefaults.LINES,
      hideParamSyntax = true,
      description =
          "A directory with one variable per file, as Kubernetes mounts a Secret or ConfigMap:"
              + " exact content, symbolic links followed, hidden entries skipped; repeatable.")
  List<Path> fromDirs = new ArrayList<>();

  @Option(
      names = "--from-file",
      paramLabel = "FILE",
      split = EnvironmentDefaults.LINES,
      hideParamSyntax = true,
      description = "An env file (KEY=VALUE), or *.properties, or *.json (one object); repeatable.")
  List<Path> fromFiles = new ArrayList<>();

  @Option(
      names = "--resolve-file-vars",
      description =
          "Turn each KEY_FILE into KEY holding that file's content (trailing newlines removed);"
              + " both set is an error.")
  boolean resolveFileVars;

  @Option(
      names = "--schema",
      paramLabel = "FILE",
      description = "A JSON schema of the variables: required, default, pattern, secret.")
  Path schema;

  @Option(
      names = "--dest",
      paramLabel = "FILE",
      description = "Write the variables to this env file (a directory for --format files).")
  Path dest;

  @Option(
      names = "--format",
      paramLabel = "shell|docker|dotenv|properties|json|files",
      description = "The env file's format, named after its reader.")
  EnvFormat format;

  @Option(
      names = "--template",
      paramLabel = "SRC[:DEST]",
      split = EnvironmentDefaults.LINES,
      hideParamSyntax = true,
      description = "Render a template; without DEST into --output-dir, .tmpl removed; repeatable.")
  List<String> templates = new ArrayList<>();

  @Option(
      names = "--template-dir",
      paramLabel = "DIR",
      description = "Render every template in DIR (hidden entries skipped) into --output-dir.")
  Path templateDir;

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      description = "Where templates without a DEST go.")
  Path outputDir;

  @Option(
      names = "--only",
      paramLabel = "VAR",
      split = EnvironmentDefaults.COMMAS,
      description =
          "Expand only these variables in templates (comma-separated); every other $ stays.")
  List<String> only = new ArrayList<>();

  @Option(
      names = "--keep-unknown",
      description =
          "In templates, copy references to unset variables and unsupported $ forms as written"
              + " instead of failing.")
  boolean keepUnknown;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "0640",
      description = "The mode of every file written, octal (default: ${DEFAULT-VALUE}).")
  String mode;

  public static void main(String[] args) {
    Launcher.main(new EnvRenderCommand(), args);
  }

  @Override
  protected ToolOutcome execute(ToolContext context) throws InitkitException {
    RenderOptions options;
    try {
      List<TemplateTarget> targets = new ArrayList<>();
      for (String spec : templates) {
        targets.add(TemplateTarget.parse(spec, outputDir));
      }
      options =
          new RenderOptions(
              sets,
              envNames,
              envPrefixes,
              stripEnvPrefix,
              fromDirs,
              fromFiles,
              resolveFileVars,
              schema,
              dest,
              format,
              targets,
              templateDir,
              outputDir,
              only.isEmpty() ? null : new LinkedHashSet<>(only),
              keepUnknown,
              RenderOptions.parseMode(mode));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    RenderResult result =
        new Renderer(new StagingPublisher(), context.log()).render(options, context.environment());
    return ToolOutcome.done(result.toReport());
  }
}
