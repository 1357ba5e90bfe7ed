package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.depsfetch.testrepo.Fixtures;
import dev.initkit.depsfetch.testrepo.ServedAcmeRepository;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * deps-fetch against Maven itself: {@code mvn dependency:build-classpath} on a POM declaring the
 * same coordinates, against the same loopback served.repository(), must list the same files in the
 * same order. Maven runs through the project's wrapper with a fresh local served.repository() whose
 * read-only tail is the build's (for Maven's own plugins), so nothing of the test lands in the
 * build's.
 */
class MavenComparisonIT {
  @TempDir Path dir;
  @RegisterExtension final ServedAcmeRepository served = new ServedAcmeRepository();

  @ParameterizedTest(name = "--scope {0} {1}")
  // Runtime only: the plugin's includeScope=compile also lists runtime-scoped dependencies, which
  // Maven's compile classpath (and deps-fetch's --scope compile) leaves out.
  @CsvSource({"runtime, org.acme:app:1.0", "runtime, org.acme:core:1.0"})
  void resolvesTheSameClasspathAsMavenDependencyBuildClasspath(String scope, String artifact)
      throws Exception {
    List<String> requested = List.of(artifact, Fixtures.LIB_RANGE);
    List<String> maven = mavenClasspath(requested, scope);

    Path report = dir.resolve("report.json");
    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args(requested.toArray(String[]::new))
            .args("--scope", scope, "--layout", "repository")
            .args("--dest", dir.resolve("ours").toString(), "--report", report.toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    List<String> ours = new ArrayList<>();
    DepsFetchRun.report(report)
        .get("result")
        .get("artifacts")
        .forEach(a -> ours.add(a.get("file").asText()));
    assertThat(ours).isNotEmpty().containsExactlyElementsOf(maven);
  }

  /** The classpath Maven builds, as paths relative to its local served.repository(). */
  private List<String> mavenClasspath(List<String> coordinates, String scope) throws Exception {
    String root = System.getProperty("initkit.build.root");
    String tail = System.getProperty("initkit.build.localRepository");
    String pluginVersion = System.getProperty("initkit.build.dependencyPluginVersion");
    assumeTrue(root != null && tail != null, "runs under the build, which names its wrapper");
    Path project = Files.createDirectories(dir.resolve("maven-project"));
    Path localRepository = dir.resolve("maven-local");
    Files.writeString(project.resolve("pom.xml"), pom(coordinates), StandardCharsets.UTF_8);
    Files.writeString(project.resolve("settings.xml"), settings(), StandardCharsets.UTF_8);
    Path output = project.resolve("classpath.txt");
    List<String> command =
        List.of(
            Path.of(root, "mvnw").toString(),
            "-B",
            "-q",
            "-s",
            project.resolve("settings.xml").toString(),
            "-f",
            project.resolve("pom.xml").toString(),
            "-Dmaven.repo.local=" + localRepository,
            "-Dmaven.repo.local.tail=" + tail,
            "org.apache.maven.plugins:maven-dependency-plugin:"
                + pluginVersion
                + ":build-classpath",
            "-Dmdep.outputFile=" + output,
            "-Dmdep.includeScope=" + scope);
    Process maven =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(project.resolve("maven.log").toFile())
            .start();
    assertThat(maven.waitFor(3, TimeUnit.MINUTES)).as("maven finished").isTrue();
    assertThat(maven.exitValue())
        .as("maven: %s", Files.readString(project.resolve("maven.log")))
        .isZero();
    String classpath = Files.readString(output).strip();
    Path base = localRepository.toAbsolutePath();
    return Arrays.stream(classpath.split(File.pathSeparator))
        .map(entry -> base.relativize(Path.of(entry).toAbsolutePath()).toString())
        .map(path -> path.replace(File.separatorChar, '/'))
        .toList();
  }

  private String pom(List<String> coordinates) {
    StringBuilder xml = new StringBuilder();
    xml.append("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n");
    xml.append("  <modelVersion>4.0.0</modelVersion>\n");
    xml.append("  <groupId>dev.initkit.test</groupId>\n  <artifactId>compare</artifactId>\n");
    xml.append("  <version>1</version>\n  <packaging>pom</packaging>\n  <dependencies>\n");
    for (String text : coordinates) {
      String[] c = text.split(":");
      xml.append("    <dependency><groupId>").append(c[0]).append("</groupId>");
      xml.append("<artifactId>").append(c[1]).append("</artifactId>");
      xml.append("<version>").append(c[c.length - 1]).append("</version></dependency>\n");
    }
    xml.append("  </dependencies>\n</project>\n");
    return xml.toString();
  }

  /** Every served.repository(), Central included, mirrored to the test served.repository(). */
  private String settings() {
    return "<settings><mirrors><mirror><id>test</id><mirrorOf>*</mirrorOf><url>"
        + served.server().url()
        + "</url></mirror></mirrors></settings>\n";
  }
}
