package dev.initkit.envrender.source;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Gathers the variables from every source the user named, in a fixed precedence, lowest first:
 * {@code --from-file} (in the order given), {@code --from-dir} (in the order given), {@code
 * --env-prefix}, {@code --env}, {@code --set}. A later source replaces a variable of an earlier
 * one; the same variable twice within one source is a problem. Then, with {@code
 * --resolve-file-vars}, each {@code KEY_FILE} becomes {@code KEY}. Every problem is collected, so
 * the user sees all of them at once.
 */
public final class VariableSources {
  private final List<String> problems;
  private final Map<String, Variable> variables = new TreeMap<>();
  private final List<String> overridden = new ArrayList<>();

  public VariableSources(List<String> problems) {
    this.problems = problems;
  }

  /** The variables gathered so far, by name. */
  public Map<String, Variable> variables() {
    return variables;
  }

  /** Notes such as "A from --set replaced A from --from-dir d", for the debug log. */
  public List<String> overridden() {
    return List.copyOf(overridden);
  }

  /**
   * An env ({@code KEY=VALUE}), properties ({@code *.properties}) or JSON ({@code *.json}) file.
   */
  public void addFile(Path file) {
    String origin = "--from-file " + file;
    String text;
    try {
      text = TextFiles.readUtf8(file);
    } catch (IOException e) {
      problems.add("cannot read " + origin + ": " + TextFiles.why(e));
      return;
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    Map<String, String> entries;
    if (lower.endsWith(".json")) {
      entries = jsonEntries(text, origin);
    } else if (lower.endsWith(".properties")) {
      entries = propertiesEntries(text, origin);
    } else {
      entries = EnvFileParser.parse(text, origin, problems);
    }
    putAll(entries, origin);
  }

  /**
   * A directory with one variable per file, named after the file, holding its exact content, as
   * Kubernetes mounts a ConfigMap or Secret: symbolic links are followed (the keys point into
   * {@code ..data}), hidden entries ({@code ..data}, {@code ..2024_…}) and subdirectories are
   * skipped.
   */
  public void addDirectory(Path dir) {
    String origin = "--from-dir " + dir;
    List<Path> entries;
    try {
      entries = visibleEntries(dir);
    } catch (IOException e) {
      problems.add("cannot list " + origin + ": " + TextFiles.why(e));
      return;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Path entry : entries) {
      if (!Files.isRegularFile(entry)) {
        continue;
      }
      try {
        values.put(entry.getFileName().toString(), TextFiles.readUtf8(entry));
      } catch (IOException e) {
        problems.add("cannot read " + entry + " (" + origin + "): " + TextFiles.why(e));
      }
    }
    putAll(values, origin);
  }

  /**
   * The entries of {@code dir} that a Kubernetes volume's reader should see: not hidden, sorted by
   * name. Shared with the template directory.
   */
  public static List<Path> visibleEntries(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  /**
   * Variables of the process environment: those named, and those whose names start with one of the
   * prefixes (the prefix removed when {@code strip}). Named variables that are not set are left
   * undefined (the schema or a strict template reports them when they matter).
   */
  public void addEnvironment(
      Map<String, String> env, List<String> names, List<String> prefixes, boolean strip) {
    Map<String, String> byPrefix = new TreeMap<>();
    Map<String, String> fromVariable = new TreeMap<>();
    for (String prefix : prefixes) {
      for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
        if (!e.getKey().startsWith(prefix)) {
          continue;
        }
        String name = strip ? e.getKey().substring(prefix.length()) : e.getKey();
        if (name.isEmpty()) {
          problems.add(
              "environment variable "
                  + e.getKey()
                  + " is only the prefix: nothing is left to name");
          continue;
        }
        String earlier = fromVariable.putIfAbsent(name, e.getKey());
        if (earlier != null && !earlier.equals(e.getKey())) {
          problems.add(
              "environment variables " + earlier + " and " + e.getKey() + " both give " + name);
          continue;
        }
        byPrefix.put(name, e.getValue());
      }
    }
    putAll(byPrefix, "--env-prefix " + String.join(",", prefixes));
    Map<String, String> named = new LinkedHashMap<>();
    for (String name : names) {
      String value = env.get(name);
      if (value != null) {
        named.put(name, value);
      }
    }
    putAll(named, "--env");
  }

  /** {@code --set} pairs, as key and value; the same key twice is a problem. */
  public void addPairs(List<Map.Entry<String, String>> pairs) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> pair : pairs) {
      if (values.containsKey(pair.getKey())) {
        problems.add("--set " + pair.getKey() + " is given twice");
      }
      values.put(pair.getKey(), pair.getValue());
    }
    putAll(values, "--set");
  }

  /**
   * Replaces each {@code KEY_FILE} by {@code KEY} holding the file's content, trailing newlines
   * removed as the official images' {@code file_env} ({@code $(< file)}) does. Both set is a
   * problem.
   */
  public void resolveFileVariables() {
    for (Variable fileVariable : List.copyOf(variables.values())) {
      String name = fileVariable.name();
      if (!name.endsWith("_FILE") || name.length() == "_FILE".length()) {
        continue;
      }
      String key = name.substring(0, name.length() - "_FILE".length());
      if (variables.containsKey(key)) {
        problems.add(
            "both "
                + key
                + " and "
                + name
                + " are set (from "
                + variables.get(key).origin()
                + " and "
                + fileVariable.origin()
                + "): set only one");
        continue;
      }
      Path file = Path.of(fileVariable.value());
      String content;
      try {
        content = TextFiles.readUtf8(file);
      } catch (IOException e) {
        problems.add("cannot read " + name + " " + file + ": " + TextFiles.why(e));
        continue;
      }
      int end = content.length();
      while (end > 0 && (content.charAt(end - 1) == '\n')) {
        end--;
      }
      variables.remove(name);
      variables.put(key, new Variable(key, content.substring(0, end), name + " " + file));
    }
  }

  /** Adds a variable that no source set (a schema default). */
  public void addDefault(String name, String value, String origin) {
    variables.putIfAbsent(name, new Variable(name, value, origin));
  }

  private void putAll(Map<String, String> values, String origin) {
    for (Map.Entry<String, String> e : values.entrySet()) {
      Variable earlier = variables.put(e.getKey(), new Variable(e.getKey(), e.getValue(), origin));
      if (earlier != null) {
        overridden.add(
            e.getKey() + " from " + origin + " replaced the one from " + earlier.origin());
      }
    }
  }

  private Map<String, String> jsonEntries(String text, String origin) {
    Object parsed;
    try {
      parsed = Json.parse(text);
    } catch (Json.JsonException e) {
      problems.add(origin + ": " + e.getMessage());
      return Map.of();
    }
    if (!(parsed instanceof Map<?, ?> object)) {
      problems.add(origin + ": expected one JSON object of names and values");
      return Map.of();
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : object.entrySet()) {
      Object value = e.getValue();
      if (value instanceof String || value instanceof Json.Number || value instanceof Boolean) {
        entries.put((String) e.getKey(), value.toString());
      } else {
        problems.add(
            e.getKey() + " in " + origin + ": a value must be a string, number or boolean");
      }
    }
    return entries;
  }

  private Map<String, String> propertiesEntries(String text, String origin) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      problems.add(origin + ": " + e.getMessage());
      return Map.of();
    }
    Map<String, String> entries = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      entries.put(name, properties.getProperty(name));
    }
    return entries;
  }
}
