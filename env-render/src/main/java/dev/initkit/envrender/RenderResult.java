package dev.initkit.envrender;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run rendered: each output with the names (never the values) of the variables in it.
 *
 * @param variables every variable gathered, by name
 * @param secret the variables the schema marks secret
 */
public record RenderResult(List<Output> outputs, Set<String> variables, Set<String> secret) {
  /** How an output was left. */
  public enum Status {
    WRITTEN,
    UNCHANGED,
    MODE_CHANGED;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * One file or directory written.
   *
   * @param kind {@code env-file} or {@code template}
   * @param format the env-file format, or the template's source path
   */
  public record Output(
      Path path, String kind, String format, Status status, Set<String> variables) {}

  public RenderResult {
    outputs = List.copyOf(outputs);
    variables = Set.copyOf(variables);
    secret = Set.copyOf(secret);
  }

  /** The {@code result} of the JSON report: file and variable names, no values. */
  public Map<String, Object> toReport() {
    Map<String, Object> result = new LinkedHashMap<>();
    List<Map<String, Object>> files = new ArrayList<>();
    long unchanged = 0;
    for (Output o : outputs) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("path", o.path().toString());
      file.put("kind", o.kind());
      file.put(o.kind().equals("template") ? "template" : "format", o.format());
      file.put("status", o.status().label());
      file.put("variables", List.copyOf(new TreeSet<>(o.variables())));
      files.add(file);
      if (o.status() == Status.UNCHANGED) {
        unchanged++;
      }
    }
    result.put("outputs", files);
    result.put("variables", List.copyOf(new TreeSet<>(variables)));
    result.put("secretVariables", List.copyOf(new TreeSet<>(secret)));
    result.put("written", outputs.size() - unchanged);
    result.put("unchanged", unchanged);
    return result;
  }
}
