package dev.initkit.envrender.template;

import java.util.List;

/**
 * A template holds expansions that are malformed or not supported; each is named with its place.
 */
public final class TemplateSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  TemplateSyntaxException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
