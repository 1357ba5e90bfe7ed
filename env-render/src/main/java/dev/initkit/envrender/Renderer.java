package dev.initkit.envrender;

import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.JobFailedException;
import dev.initkit.common.failure.UsageException;
import dev.initkit.common.log.Log;
import dev.initkit.envrender.RenderOptions.TemplateTarget;
import dev.initkit.envrender.RenderResult.Output;
import dev.initkit.envrender.RenderResult.Status;
import dev.initkit.envrender.format.EnvFormat;
import dev.initkit.envrender.format.FilesEncoder;
import dev.initkit.envrender.publish.OutputPublisher;
import dev.initkit.envrender.schema.Schema;
import dev.initkit.envrender.source.TextFiles;
import dev.initkit.envrender.source.Variable;
import dev.initkit.envrender.source.VariableSources;
import dev.initkit.envrender.template.Template;
import dev.initkit.envrender.template.TemplateSyntax;
import dev.initkit.envrender.template.TemplateSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders env files and templates: gathers the variables, checks them against the schema, renders
 * every output in memory, and only when nothing at all is wrong publishes each output. Never runs
 * anything from a template or a value.
 */
public final class Renderer {
  /** How deep --template-dir is followed, against symbolic link loops. */
  private static final int MAX_DEPTH = 16;

  private final OutputPublisher publisher;
  private final Log log;

  public Renderer(OutputPublisher publisher, Log log) {
    this.publisher = publisher;
    this.log = log;
  }

  /** A rendered output, in memory. */
  private record Planned(
      Path path,
      String kind,
      String format,
      byte[] content,
      Map<String, byte[]> files,
      Set<String> variables) {}

  /**
   * Renders everything {@code options} names.
   *
   * @param environment the process environment, read only for --env and --env-prefix
   * @throws UsageException listing every problem with the input; nothing was written
   * @throws JobFailedException when writing failed
   * @throws InitkitException as common's publishing raises it (another run holding the lock too
   *     long)
   */
  public RenderResult render(RenderOptions options, Map<String, String> environment)
      throws InitkitException {
    List<String> problems = new ArrayList<>();
    Map<String, Variable> variables = gather(options, environment, problems);
    Set<String> secret = new TreeSet<>();
    Schema schema = options.schema() == null ? null : Schema.read(options.schema(), problems);
    if (schema != null) {
      for (Schema.Declaration d : schema.declarations().values()) {
        if (d.defaultValue() != null && !variables.containsKey(d.name())) {
          variables.put(d.name(), new Variable(d.name(), d.defaultValue(), "the schema's default"));
        }
        if (d.secret()) {
          secret.add(d.name());
          Variable v = variables.get(d.name());
          if (v != null) {
            log.redactor().register(v.value());
          }
        }
      }
      schema.check(variables, problems);
    }
    Map<String, String> values = new TreeMap<>();
    for (Variable v : variables.values()) {
      values.put(v.name(), v.value());
    }

    List<Planned> planned = new ArrayList<>();
    if (options.dest() != null) {
      planEnvFile(options, values, planned, problems);
    }
    planTemplates(options, values, planned, problems);
    checkDistinctPaths(planned, options, problems);
    failOnProblems(problems);

    List<Output> outputs = new ArrayList<>();
    for (Planned p : planned) {
      outputs.add(publish(p, options));
    }
    return new RenderResult(outputs, values.keySet(), secret);
  }

  private Map<String, Variable> gather(
      RenderOptions options, Map<String, String> environment, List<String> problems) {
    VariableSources sources = new VariableSources(problems);
    for (Path file : options.fromFiles()) {
      sources.addFile(file);
    }
    for (Path dir : options.fromDirs()) {
      sources.addDirectory(dir);
    }
    sources.addEnvironment(
        environment, options.envNames(), options.envPrefixes(), options.stripEnvPrefix());
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    for (Assignment a : options.sets()) {
      pairs.add(Map.entry(a.key(), a.value()));
    }
    sources.addPairs(pairs);
    if (options.resolveFileVars()) {
      sources.resolveFileVariables();
    }
    for (String note : sources.overridden()) {
      log.debug(note);
    }
    for (String name : options.envNames()) {
      if (!environment.containsKey(name)) {
        log.debug("--env " + name + " is not set in the environment");
      }
    }
    return new TreeMap<>(sources.variables());
  }

  private void planEnvFile(
      RenderOptions options,
      Map<String, String> values,
      List<Planned> planned,
      List<String> problems) {
    EnvFormat format = options.format();
    List<String> refusals = new ArrayList<>();
    if (format == EnvFormat.FILES) {
      Map<String, String> files = new FilesEncoder().encode(values, refusals);
      Map<String, byte[]> bytes = new LinkedHashMap<>();
      for (Map.Entry<String, String> file : files.entrySet()) {
        bytes.put(file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
      }
      planned.add(
          new Planned(options.dest(), "env-file", format.label(), null, bytes, values.keySet()));
    } else {
      String text = format.encoder().encode(values, refusals);
      planned.add(
          new Planned(
              options.dest(),
              "env-file",
              format.label(),
              text.getBytes(StandardCharsets.UTF_8),
              null,
              values.keySet()));
    }
    for (String refusal : refusals) {
      problems.add("--format " + format.label() + " cannot hold " + refusal);
    }
  }

  private void planTemplates(
      RenderOptions options,
      Map<String, String> values,
      List<Planned> planned,
      List<String> problems) {
    List<TemplateTarget> targets = new ArrayList<>(options.templates());
    if (options.templateDir() != null) {
      Path skip = options.outputDir().toAbsolutePath().normalize();
      listTemplates(options.templateDir(), options.outputDir(), skip, 0, targets, problems);
    }
    TemplateSyntax syntax = new TemplateSyntax(options.only(), options.keepUnknown());
    Map<String, List<String>> undefined = new LinkedHashMap<>();
    for (TemplateTarget target : targets) {
      String text;
      try {
        text = TextFiles.readUtf8(target.source());
      } catch (IOException e) {
        problems.add("cannot read template " + target.source() + ": " + TextFiles.why(e));
        continue;
      }
      Template template;
      try {
        template = Template.parse(target.source().toString(), text, syntax);
      } catch (TemplateSyntaxException e) {
        problems.addAll(e.problems());
        continue;
      }
      Template.Rendering rendering = template.render(values);
      rendering
          .undefined()
          .forEach(
              (name, where) -> undefined.computeIfAbsent(name, k -> new ArrayList<>()).add(where));
      problems.addAll(rendering.errors());
      planned.add(
          new Planned(
              target.dest(),
              "template",
              target.source().toString(),
              rendering.text().getBytes(StandardCharsets.UTF_8),
              null,
              rendering.used()));
    }
    if (!undefined.isEmpty()) {
      List<String> parts = new ArrayList<>();
      undefined.forEach((name, where) -> parts.add(name + " (" + String.join(", ", where) + ")"));
      problems.add(
          (undefined.size() == 1 ? "undefined variable " : "undefined variables ")
              + String.join(", ", parts)
              + ": set them, give defaults (${VAR:-default}), or use --keep-unknown or --only");
    }
  }

  /**
   * Lists the templates under {@code dir}; {@code skip} is the output directory, never a source.
   */
  private void listTemplates(
      Path dir,
      Path outputDir,
      Path skip,
      int depth,
      List<TemplateTarget> targets,
      List<String> problems) {
    if (depth > MAX_DEPTH) {
      problems.add("--template-dir " + dir + " is nested too deep (a symbolic link loop?)");
      return;
    }
    List<Path> entries;
    try {
      entries = VariableSources.visibleEntries(dir);
    } catch (IOException e) {
      problems.add("cannot list --template-dir " + dir + ": " + TextFiles.why(e));
      return;
    }
    for (Path entry : entries) {
      if (entry.toAbsolutePath().normalize().equals(skip)) {
        continue;
      }
      if (Files.isDirectory(entry)) {
        listTemplates(
            entry,
            outputDir.resolve(entry.getFileName().toString()),
            skip,
            depth + 1,
            targets,
            problems);
      } else if (Files.isRegularFile(entry)) {
        targets.add(new TemplateTarget(entry, outputDir.resolve(TemplateTarget.outputName(entry))));
      }
    }
  }

  private static void checkDistinctPaths(
      List<Planned> planned, RenderOptions options, List<String> problems) {
    Set<Path> seen = new HashSet<>();
    for (Planned p : planned) {
      Path path = p.path().toAbsolutePath().normalize();
      if (!seen.add(path)) {
        problems.add(p.path() + " is the destination of two outputs");
      }
      if (p.kind().equals("template")
          && Path.of(p.format()).toAbsolutePath().normalize().equals(path)) {
        problems.add("template " + p.format() + " would overwrite itself: give another DEST");
      }
    }
  }

  private void failOnProblems(List<String> problems) throws UsageException {
    Problems all = new Problems();
    for (String problem : problems) {
      all.add(problem);
    }
    all.throwIfAny();
  }

  private Output publish(Planned p, RenderOptions options) throws InitkitException {
    OutputPublisher.Outcome outcome;
    try {
      outcome =
          p.files() != null
              ? publisher.publishDirectory(p.path(), p.files(), options.mode())
              : publisher.publishFile(p.path(), p.content(), options.mode());
    } catch (IOException e) {
      throw new JobFailedException("could not write " + p.path() + ": " + TextFiles.why(e), e);
    }
    Status status = Status.valueOf(outcome.name());
    if (status == Status.UNCHANGED) {
      log.info("left " + p.path() + " unchanged", "variables", p.variables().size());
    } else {
      log.info(
          (status == Status.WRITTEN ? "wrote " : "changed the mode of ") + p.path(),
          p.kind().equals("template") ? "template" : "format",
          p.format(),
          "variables",
          p.variables().size());
    }
    return new Output(p.path(), p.kind(), p.format(), status, p.variables());
  }
}
