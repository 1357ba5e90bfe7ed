package dev.initkit.envrender.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A text with POSIX shell parameter expansions: {@code $VAR}, {@code ${VAR}}, {@code ${VAR-word}},
 * {@code ${VAR:-word}}, {@code ${VAR=word}}, {@code ${VAR:=word}}, {@code ${VAR+word}}, {@code
 * ${VAR:+word}}, {@code ${VAR?word}}, {@code ${VAR:?word}}, and {@code $$} for a literal {@code $}.
 * The word may hold further expansions and is expanded only when used, as in the shell.
 *
 * <p>Nothing else is done: no command substitution, no arithmetic, no quote removal, no tilde or
 * field splitting, no globbing. Quotes and backslashes are ordinary characters. A {@code $} that
 * starts no expansion ({@code $1}, {@code $ }, a {@code $} at the end) is copied as it is, as GNU
 * envsubst does.
 */
public final class Template {
  /** The operator of a braced expansion; the colon forms also treat an empty value as unset. */
  enum Operator {
    NONE,
    DEFAULT,
    ASSIGN,
    ALTERNATIVE,
    ERROR
  }

  sealed interface Node permits Text, Reference {}

  record Text(String text) implements Node {}

  record Reference(
      String name, Operator operator, boolean colon, List<Node> word, String raw, int offset)
      implements Node {}

  private final String name;
  private final String source;
  private final List<Node> nodes;
  private final TemplateSyntax syntax;

  private Template(String name, String source, List<Node> nodes, TemplateSyntax syntax) {
    this.name = name;
    this.source = source;
    this.nodes = nodes;
    this.syntax = syntax;
  }

  /**
   * Parses {@code source}.
   *
   * @param name the template's name in messages (its path)
   * @throws TemplateSyntaxException listing every malformed expansion, with line and column
   */
  public static Template parse(String name, String source, TemplateSyntax syntax)
      throws TemplateSyntaxException {
    Parser parser = new Parser(name, source, syntax);
    List<Node> nodes = parser.sequence(false);
    if (!parser.errors.isEmpty()) {
      throw new TemplateSyntaxException(parser.errors);
    }
    return new Template(name, source, nodes, syntax);
  }

  public String name() {
    return name;
  }

  /** Expands the template with {@code variables}; never throws for undefined variables. */
  public Rendering render(Map<String, String> variables) {
    Evaluation evaluation = new Evaluation(variables);
    StringBuilder out = new StringBuilder(source.length() + 64);
    evaluation.append(out, nodes);
    return new Rendering(
        out.toString(),
        Set.copyOf(evaluation.used),
        Collections.unmodifiableMap(new LinkedHashMap<>(evaluation.undefined)),
        List.copyOf(evaluation.errors));
  }

  /**
   * What one rendering produced.
   *
   * @param used the variables whose values went into the text
   * @param undefined each undefined variable that a strict reference named, with where (first)
   * @param errors the messages of {@code ${VAR?word}} expansions that failed
   */
  public record Rendering(
      String text, Set<String> used, Map<String, String> undefined, List<String> errors) {
    public boolean ok() {
      return undefined.isEmpty() && errors.isEmpty();
    }
  }

  String location(int offset) {
    return location(name, source, offset);
  }

  static String location(String name, String source, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return name + ":" + line + ":" + (offset - lineStart + 1);
  }

  private final class Evaluation {
    private final Map<String, String> variables;
    private final Map<String, String> assigned = new HashMap<>();
    private final Set<String> used = new LinkedHashSet<>();
    private final Map<String, String> undefined = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    Evaluation(Map<String, String> variables) {
      this.variables = variables;
    }

    private String lookup(String variable) {
      String value = assigned.get(variable);
      return value != null ? value : variables.get(variable);
    }

    void append(StringBuilder out, List<Node> sequence) {
      for (Node node : sequence) {
        if (node instanceof Text text) {
          out.append(text.text());
        } else {
          expand(out, (Reference) node);
        }
      }
    }

    private String word(Reference reference) {
      StringBuilder out = new StringBuilder();
      append(out, reference.word());
      return out.toString();
    }

    private void expand(StringBuilder out, Reference r) {
      String value = lookup(r.name());
      boolean set = value != null;
      if (!set && syntax.keepUnknown()) {
        out.append(r.raw());
        return;
      }
      // The colon forms treat a set but empty variable like an unset one.
      boolean present = r.colon() ? set && !value.isEmpty() : set;
      switch (r.operator()) {
        case NONE -> {
          if (set) {
            used.add(r.name());
            out.append(value);
          } else {
            undefined.putIfAbsent(r.name(), location(r.offset()));
          }
        }
        case DEFAULT -> {
          if (present) {
            used.add(r.name());
            out.append(value);
          } else {
            out.append(word(r));
          }
        }
        case ASSIGN -> {
          if (present) {
            used.add(r.name());
            out.append(value);
          } else {
            String assignedValue = word(r);
            assigned.put(r.name(), assignedValue);
            out.append(assignedValue);
          }
        }
        case ALTERNATIVE -> {
          if (present) {
            used.add(r.name());
            out.append(word(r));
          }
        }
        case ERROR -> {
          if (present) {
            used.add(r.name());
            out.append(value);
          } else {
            String message = word(r);
            if (message.isEmpty()) {
              message = r.colon() && set ? "parameter null" : "parameter not set";
            }
            errors.add(r.name() + ": " + message + " (" + location(r.offset()) + ")");
          }
        }
        default -> throw new IllegalStateException("operator " + r.operator());
      }
    }
  }

  private static final class Parser {
    private final String name;
    private final String s;
    private final TemplateSyntax syntax;
    private final List<String> errors = new ArrayList<>();
    private int pos;

    Parser(String name, String source, TemplateSyntax syntax) {
      this.name = name;
      this.s = source;
      this.syntax = syntax;
    }

    /** Reads nodes to the end, or (in a word) to the closing brace, which it leaves unread. */
    List<Node> sequence(boolean inWord) {
      List<Node> nodes = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (inWord && c == '}') {
          break;
        }
        if (c != '$') {
          text.append(c);
          pos++;
          continue;
        }
        Node node = dollar();
        if (node instanceof Text t) {
          text.append(t.text());
        } else {
          if (text.length() > 0) {
            nodes.add(new Text(text.toString()));
            text.setLength(0);
          }
          nodes.add(node);
        }
      }
      if (text.length() > 0) {
        nodes.add(new Text(text.toString()));
      }
      return nodes;
    }

    /** At a {@code $}: reads what it starts. */
    private Node dollar() {
      int start = pos;
      char next = pos + 1 < s.length() ? s.charAt(pos + 1) : 0;
      if (next == '$') {
        pos += 2;
        return new Text(syntax.only() != null ? "$$" : "$");
      }
      if (next == '{') {
        return braced(start);
      }
      if (isNameStart(next)) {
        pos++;
        String variable = readName();
        if (!syntax.expands(variable)) {
          return new Text(s.substring(start, pos));
        }
        return new Reference(
            variable, Operator.NONE, false, List.of(), s.substring(start, pos), start);
      }
      pos++;
      return new Text("$");
    }

    private Node braced(int start) {
      pos = start + 2;
      String variable = readName();
      boolean colon = false;
      Operator operator = null;
      if (!variable.isEmpty() && pos < s.length()) {
        char c = s.charAt(pos);
        if (c == '}') {
          operator = Operator.NONE;
        } else {
          if (c == ':') {
            colon = true;
            pos++;
            c = pos < s.length() ? s.charAt(pos) : 0;
          }
          operator = operatorOf(c);
          if (operator != null) {
            pos++;
          }
        }
      }
      if (operator == null) {
        return pos >= s.length() ? unterminated(start) : unsupported(start);
      }
      List<Node> word = List.of();
      if (operator != Operator.NONE) {
        int errorsBefore = errors.size();
        word = sequence(true);
        if (errors.size() > errorsBefore) {
          // A nested error was already reported; skip past this expansion.
          skipPastBrace();
          return new Text("");
        }
      }
      if (pos >= s.length()) {
        return unterminated(start);
      }
      pos++; // the closing brace
      String raw = s.substring(start, pos);
      if (!syntax.expands(variable)) {
        return new Text(raw);
      }
      return new Reference(variable, operator, colon, List.copyOf(word), raw, start);
    }

    private Node unterminated(int start) {
      if (syntax.lenient()) {
        pos = start + 2;
        return new Text("${");
      }
      errors.add("unterminated ${ at " + location(name, s, start));
      pos = s.length();
      return new Text("");
    }

    private Node unsupported(int start) {
      if (syntax.lenient()) {
        pos = start + 2;
        return new Text("${");
      }
      int end = s.indexOf('}', start);
      int newline = s.indexOf('\n', start);
      int stop = end < 0 ? Math.min(s.length(), start + 20) : end + 1;
      if (newline >= 0 && newline < stop) {
        stop = newline;
      }
      errors.add(
          "unsupported expansion "
              + s.substring(start, Math.min(stop, start + 40))
              + " at "
              + location(name, s, start)
              + " (supported: $VAR ${VAR} ${VAR-w} ${VAR:-w} ${VAR=w} ${VAR:=w} ${VAR+w}"
              + " ${VAR:+w} ${VAR?w} ${VAR:?w} $$; see --keep-unknown and --only)");
      pos = end < 0 ? s.length() : end + 1;
      return new Text("");
    }

    private void skipPastBrace() {
      int end = s.indexOf('}', pos);
      pos = end < 0 ? s.length() : end + 1;
    }

    private static Operator operatorOf(char c) {
      return switch (c) {
        case '-' -> Operator.DEFAULT;
        case '=' -> Operator.ASSIGN;
        case '+' -> Operator.ALTERNATIVE;
        case '?' -> Operator.ERROR;
        default -> null;
      };
    }

    private String readName() {
      int start = pos;
      if (pos < s.length() && isNameStart(s.charAt(pos))) {
        pos++;
        while (pos < s.length() && isNamePart(s.charAt(pos))) {
          pos++;
        }
      }
      return s.substring(start, pos);
    }
  }

  /** Whether {@code name} is a POSIX shell variable name. */
  public static boolean isName(String name) {
    if (name.isEmpty() || !isNameStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!isNamePart(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isNameStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  }

  static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
