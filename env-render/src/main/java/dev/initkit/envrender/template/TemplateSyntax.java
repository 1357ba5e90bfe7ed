package dev.initkit.envrender.template;

import java.util.Set;

/**
 * Which {@code $} forms a template's author meant for us.
 *
 * @param only when not null, only references to these variables are expanded; every other {@code $}
 *     form, {@code $$} included, is copied as written (nginx files, shell scripts)
 * @param keepUnknown references to variables that are not set, and {@code $} forms we do not
 *     support, are copied as written instead of failing the run
 */
public record TemplateSyntax(Set<String> only, boolean keepUnknown) {
  public TemplateSyntax {
    only = only == null ? null : Set.copyOf(only);
  }

  /** Strict POSIX parameter expansion of every variable. */
  public static TemplateSyntax strict() {
    return new TemplateSyntax(null, false);
  }

  boolean lenient() {
    return keepUnknown || only != null;
  }

  boolean expands(String name) {
    return only == null || only.contains(name);
  }
}
