package dev.initkit.depsfetch.testrepo;

import java.util.List;

/**
 * The dependency graph most tests resolve, with every rule of Maven's mediation in it. Requesting
 * {@link #APP} (and {@link #LIB_RANGE}) must give, on the runtime classpath:
 *
 * <ul>
 *   <li>{@code util:2.0}: a direct dependency whose version comes from the parent's
 *       dependencyManagement, nearer than {@code core}'s {@code util:1.0} (nearest wins);
 *   <li>{@code logging:1.5}: version from an imported BOM;
 *   <li>{@code new-name:1.0}: {@code old-name:1.0} is relocated there;
 *   <li>{@code natives:1.0:linux}: a classifier;
 *   <li>{@code chatty} without {@code noise} (an exclusion), with {@code quiet};
 *   <li>{@code shared:1.0}: {@code runtime-only}'s, at depth 2, beats the range under {@code deep}
 *       at depth 3;
 *   <li>{@code lib:1.5}: the newest in {@code [1.0,2.0)} (1.0, 1.5 and 2.0 exist);
 *   <li>no {@code optional-thing}, {@code test-lib}, {@code provided-thing}, nor {@code
 *       optional-thing}'s dependency.
 * </ul>
 */
public final class Fixtures {
  public static final String APP = "org.acme:app:1.0";
  public static final String LIB_RANGE = "org.acme:lib:[1.0,2.0)";

  private Fixtures() {}

  /** Publishes the graph into {@code repository}. */
  public static TestRepository acme(TestRepository repository) {
    repository
        .pom("org.acme:acme-parent:1")
        .property("util.version", "2.0")
        .managed("org.acme:util:${util.version}")
        .publish();
    repository.pom("org.acme:platform-bom:1.0").managed("org.acme:logging:1.5").publish();
    repository
        .jar(APP)
        .parent("org.acme:acme-parent:1")
        .importBom("org.acme:platform-bom:1.0")
        .dependency("org.acme:core:1.0")
        .dependency("org.acme:util")
        .dependency("org.acme:logging")
        .dependency("org.acme:optional-thing:1.0", "optional")
        .dependency("org.acme:test-lib:1.0", "scope=test")
        .dependency("org.acme:provided-thing:1.0", "scope=provided")
        .dependency("org.acme:old-name:1.0")
        .dependency("org.acme:runtime-only:1.0", "scope=runtime")
        .dependency("org.acme:natives:1.0", "classifier=linux")
        .publish();
    repository
        .jar("org.acme:core:1.0")
        .dependency("org.acme:util:1.0")
        .dependency("org.acme:deep:1.0")
        .dependency("org.acme:chatty:1.0", "exclude=org.acme:noise")
        .publish();
    repository.jar("org.acme:deep:1.0").dependency("org.acme:shared:[1.0,2.0)").publish();
    repository.jar("org.acme:runtime-only:1.0").dependency("org.acme:shared:1.0").publish();
    repository
        .jar("org.acme:chatty:1.0")
        .dependency("org.acme:noise:1.0")
        .dependency("org.acme:quiet:1.0")
        .publish();
    repository
        .jar("org.acme:optional-thing:1.0")
        .dependency("org.acme:only-optional:1.0")
        .publish();
    for (String gav :
        List.of(
            "org.acme:util:1.0",
            "org.acme:util:2.0",
            "org.acme:logging:1.0",
            "org.acme:logging:1.5",
            "org.acme:test-lib:1.0",
            "org.acme:provided-thing:1.0",
            "org.acme:noise:1.0",
            "org.acme:quiet:1.0",
            "org.acme:only-optional:1.0",
            "org.acme:shared:1.0",
            "org.acme:shared:1.5",
            "org.acme:shared:2.0",
            "org.acme:lib:1.0",
            "org.acme:lib:1.5",
            "org.acme:lib:2.0",
            "org.acme:new-name:1.0")) {
      repository.jar(gav).publish();
    }
    repository.jar("org.acme:old-name:1.0").relocatedTo("org.acme:new-name:1.0").publish();
    repository
        .jar("org.acme:natives:1.0")
        .file("linux", "jar", TestRepository.zip(List.of("natives/linux.so")))
        .publish();
    return repository;
  }
}
