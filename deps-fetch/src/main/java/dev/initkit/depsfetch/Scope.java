package dev.initkit.depsfetch;

import java.util.List;

/**
 * Which of the resolved dependencies go on the classpath, as {@code maven-dependency-plugin}'s
 * {@code includeScope} chooses them.
 */
public enum Scope {
  /** Compile-scope dependencies only (what compiling against the artifacts needs). */
  COMPILE(List.of("compile", "provided", "system")),
  /** Compile and runtime dependencies: what running the artifacts needs (the default). */
  RUNTIME(List.of("compile", "runtime"));

  private final List<String> mavenScopes;

  Scope(List<String> mavenScopes) {
    this.mavenScopes = mavenScopes;
  }

  /** The Maven dependency scopes this scope includes. */
  public List<String> mavenScopes() {
    return mavenScopes;
  }
}
