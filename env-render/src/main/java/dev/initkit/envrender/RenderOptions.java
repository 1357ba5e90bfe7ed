package dev.initkit.envrender;

import dev.initkit.envrender.format.EnvFormat;
import dev.initkit.envrender.template.Template;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What to render, checked as a whole. The compact constructor rejects bad values and combinations
 * with {@link IllegalArgumentException}, whose message names the option; the command turns it into
 * exit 2 before anything is read or written.
 *
 * @param only null when every variable is expanded
 * @param mode the mode of every file written
 */
public record RenderOptions(
    List<Assignment> sets,
    List<String> envNames,
    List<String> envPrefixes,
    boolean stripEnvPrefix,
    List<Path> fromDirs,
    List<Path> fromFiles,
    boolean resolveFileVars,
    Path schema,
    Path dest,
    EnvFormat format,
    List<TemplateTarget> templates,
    Path templateDir,
    Path outputDir,
    Set<String> only,
    boolean keepUnknown,
    Set<PosixFilePermission> mode) {

  /** A template and where its result goes. */
  public record TemplateTarget(Path source, Path dest) {
    /**
     * Parses {@code SRC[:DEST]} (split at the first colon); without DEST the result goes into
     * {@code outputDir} under the source's name, {@code .tmpl} removed.
     */
    public static TemplateTarget parse(String spec, Path outputDir) {
      int colon = spec.indexOf(':');
      String source = colon < 0 ? spec : spec.substring(0, colon);
      String dest = colon < 0 ? null : spec.substring(colon + 1);
      if (source.isEmpty() || (dest != null && dest.isEmpty())) {
        throw new IllegalArgumentException("--template " + spec + ": expected SRC or SRC:DEST");
      }
      Path sourcePath = Path.of(source);
      if (dest != null) {
        return new TemplateTarget(sourcePath, Path.of(dest));
      }
      if (outputDir == null) {
        throw new IllegalArgumentException(
            "--template " + spec + " has no :DEST; give one, or --output-dir");
      }
      return new TemplateTarget(sourcePath, outputDir.resolve(outputName(sourcePath)));
    }

    /** The output's file name: the template's, without a {@code .tmpl} suffix. */
    public static String outputName(Path source) {
      String name = source.getFileName().toString();
      return name.endsWith(".tmpl") && name.length() > 5
          ? name.substring(0, name.length() - 5)
          : name;
    }
  }

  public RenderOptions {
    sets = List.copyOf(sets);
    envNames = List.copyOf(envNames);
    envPrefixes = List.copyOf(envPrefixes);
    fromDirs = List.copyOf(fromDirs);
    fromFiles = List.copyOf(fromFiles);
    templates = List.copyOf(templates);
    only = only == null ? null : Set.copyOf(only);
    mode = Set.copyOf(mode);
    for (String name : envNames) {
      if (name.isEmpty() || name.indexOf('=') >= 0) {
        throw new IllegalArgumentException("--env " + name + ": not a variable name");
      }
    }
    for (String prefix : envPrefixes) {
      if (prefix.isEmpty() || prefix.indexOf('=') >= 0) {
        throw new IllegalArgumentException(
            "--env-prefix '" + prefix + "': give a non-empty prefix such as APP_");
      }
    }
    if (stripEnvPrefix && envPrefixes.isEmpty()) {
      throw new IllegalArgumentException("--strip-env-prefix needs --env-prefix");
    }
    if ((dest == null) != (format == null)) {
      throw new IllegalArgumentException(
          dest == null
              ? "--format needs --dest: the env file has to go somewhere"
              : "--dest needs --format (shell, docker, dotenv, properties, json or files)");
    }
    if (templateDir != null && outputDir == null) {
      throw new IllegalArgumentException("--template-dir needs --output-dir");
    }
    if (outputDir != null && templateDir == null && templates.isEmpty()) {
      throw new IllegalArgumentException("--output-dir needs --template or --template-dir");
    }
    if (dest == null && templates.isEmpty() && templateDir == null) {
      throw new IllegalArgumentException(
          "nothing to render: give --dest with --format, --template, or --template-dir");
    }
    if (only != null) {
      if (only.isEmpty()) {
        throw new IllegalArgumentException("--only needs at least one variable name");
      }
      for (String name : only) {
        if (!Template.isName(name)) {
          throw new IllegalArgumentException("--only " + name + ": not a variable name");
        }
      }
      if (templates.isEmpty() && templateDir == null) {
        throw new IllegalArgumentException("--only applies to templates: give --template");
      }
    }
    if (keepUnknown && templates.isEmpty() && templateDir == null) {
      throw new IllegalArgumentException("--keep-unknown applies to templates: give --template");
    }
    if (!mode.contains(PosixFilePermission.OWNER_READ)
        || !mode.contains(PosixFilePermission.OWNER_WRITE)) {
      throw new IllegalArgumentException(
          "--mode must let the owner read and write (the tool replaces the file on the next run)");
    }
  }

  /**
   * Parses an octal mode such as {@code 0640} or {@code 640}; only the permission bits (no set-uid,
   * set-gid or sticky).
   */
  public static Set<PosixFilePermission> parseMode(String text) {
    if (text == null || !text.matches("0?[0-7]{3}")) {
      throw new IllegalArgumentException(
          "--mode " + text + ": expected octal permission bits such as 0640 or 0644");
    }
    int bits = Integer.parseInt(text, 8);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < order.length; i++) {
      if ((bits & (1 << i)) != 0) {
        mode.add(order[i]);
      }
    }
    return mode;
  }
}
