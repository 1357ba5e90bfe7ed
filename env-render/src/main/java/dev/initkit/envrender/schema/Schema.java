package dev.initkit.envrender.schema;

import dev.initkit.envrender.source.Json;
import dev.initkit.envrender.source.TextFiles;
import dev.initkit.envrender.source.Variable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The declared variables ({@code --schema FILE}), a JSON document:
 *
 * <pre>{@code
 * {
 *   "variables": {
 *     "DB_HOST":     {"required": true, "description": "where the database runs"},
 *     "DB_PORT":     {"default": "5432", "pattern": "[0-9]{1,5}"},
 *     "DB_PASSWORD": {"required": true, "secret": true}
 *   },
 *   "additionalVariables": false
 * }
 * }</pre>
 *
 * A variable is required, or has a default, or is optional; a pattern must match the whole value
 * (Java regular expression); a secret value is masked wherever the tool prints. With {@code
 * "additionalVariables": false} a variable the schema does not declare is a problem.
 */
public record Schema(Map<String, Declaration> declarations, boolean additionalVariables) {
  /** One declared variable. */
  public record Declaration(
      String name,
      boolean required,
      String defaultValue,
      Pattern pattern,
      boolean secret,
      String description) {}

  private static final Set<String> TOP_FIELDS = Set.of("variables", "additionalVariables");
  private static final Set<String> FIELDS =
      Set.of("required", "default", "pattern", "secret", "description");

  public Schema {
    declarations = Map.copyOf(declarations);
  }

  /** Reads a schema; every problem in it goes to {@code problems}. */
  public static Schema read(Path file, List<String> problems) {
    String origin = "--schema " + file;
    Object parsed;
    try {
      parsed = Json.parse(TextFiles.readUtf8(file));
    } catch (IOException e) {
      problems.add("cannot read " + origin + ": " + TextFiles.why(e));
      return null;
    } catch (Json.JsonException e) {
      problems.add(origin + ": " + e.getMessage());
      return null;
    }
    if (!(parsed instanceof Map<?, ?> top) || !(top.get("variables") instanceof Map<?, ?> vars)) {
      problems.add(origin + ": expected an object with a \"variables\" object");
      return null;
    }
    int before = problems.size();
    for (Object field : top.keySet()) {
      if (!TOP_FIELDS.contains(field)) {
        problems.add(origin + ": unknown field \"" + field + "\"");
      }
    }
    boolean additional = true;
    Object additionalField = top.get("additionalVariables");
    if (additionalField != null) {
      if (additionalField instanceof Boolean b) {
        additional = b;
      } else {
        problems.add(origin + ": \"additionalVariables\" must be true or false");
      }
    }
    Map<String, Declaration> declarations = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : vars.entrySet()) {
      String name = (String) e.getKey();
      Declaration declaration = declaration(name, e.getValue(), origin, problems);
      if (declaration != null) {
        declarations.put(name, declaration);
      }
    }
    return problems.size() > before ? null : new Schema(declarations, additional);
  }

  private static Declaration declaration(
      String name, Object value, String origin, List<String> problems) {
    String where = origin + ": variable " + name;
    if (name.isEmpty() || name.indexOf('=') >= 0) {
      problems.add(where + ": not a variable name");
      return null;
    }
    if (!(value instanceof Map<?, ?> fields)) {
      problems.add(where + ": expected an object");
      return null;
    }
    int before = problems.size();
    for (Object field : fields.keySet()) {
      if (!FIELDS.contains(field)) {
        problems.add(where + ": unknown field \"" + field + "\"");
      }
    }
    boolean required = flag(fields, "required", where, problems);
    boolean secret = flag(fields, "secret", where, problems);
    String defaultValue = text(fields, "default", where, problems);
    String description = text(fields, "description", where, problems);
    String patternText = text(fields, "pattern", where, problems);
    Pattern pattern = null;
    if (patternText != null) {
      try {
        pattern = Pattern.compile(patternText);
      } catch (PatternSyntaxException ex) {
        problems.add(where + ": bad pattern: " + ex.getDescription());
      }
    }
    if (required && defaultValue != null) {
      problems.add(where + ": is both required and has a default; choose one");
    }
    if (pattern != null && defaultValue != null && !pattern.matcher(defaultValue).matches()) {
      problems.add(where + ": the default does not match the pattern");
    }
    if (problems.size() > before) {
      return null;
    }
    return new Declaration(name, required, defaultValue, pattern, secret, description);
  }

  private static boolean flag(Map<?, ?> fields, String field, String where, List<String> problems) {
    Object value = fields.get(field);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    problems.add(where + ": \"" + field + "\" must be true or false");
    return false;
  }

  private static String text(Map<?, ?> fields, String field, String where, List<String> problems) {
    Object value = fields.get(field);
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    problems.add(where + ": \"" + field + "\" must be a string");
    return null;
  }

  /**
   * Checks the gathered variables: each required one present, each pattern matched, nothing
   * undeclared when additional variables are not allowed. Never puts a value in a message.
   */
  public void check(Map<String, Variable> variables, List<String> problems) {
    for (Declaration d : declarations.values()) {
      Variable variable = variables.get(d.name());
      if (variable == null) {
        if (d.required()) {
          problems.add(
              d.name()
                  + " is required but not set"
                  + (d.description() == null ? "" : " (" + d.description() + ")"));
        }
        continue;
      }
      if (d.pattern() != null && !d.pattern().matcher(variable.value()).matches()) {
        problems.add(
            d.name()
                + " (from "
                + variable.origin()
                + ") does not match the pattern "
                + d.pattern().pattern());
      }
    }
    if (!additionalVariables) {
      for (Variable variable : variables.values()) {
        if (!declarations.containsKey(variable.name())) {
          problems.add(
              variable.name()
                  + " (from "
                  + variable.origin()
                  + ") is not declared in the schema, which allows no other variables");
        }
      }
    }
  }
}
