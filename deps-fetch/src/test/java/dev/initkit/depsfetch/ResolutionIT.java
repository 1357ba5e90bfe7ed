package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.depsfetch.testrepo.Fixtures;
import dev.initkit.depsfetch.testrepo.ServedAcmeRepository;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolution against a loopback served.repository(): Maven's rules, scopes, exclusions, layouts.
 */
class ResolutionIT {
  @TempDir Path dir;
  @RegisterExtension final ServedAcmeRepository served = new ServedAcmeRepository();

  @Test
  void resolvesTheRuntimeClasspathAsMavenDoes() throws IOException {
    Path report = dir.resolve("report.json");
    ToolResult result =
        DepsFetchRun.against(served.server(), dir)
            .args(Fixtures.APP, Fixtures.LIB_RANGE)
            .args("--dest", dir.resolve("out/lib").toString(), "--report", report.toString())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.reportedCoordinates(report))
        .containsExactly(
            "org.acme:app:jar:1.0",
            "org.acme:core:jar:1.0",
            "org.acme:deep:jar:1.0",
            "org.acme:chatty:jar:1.0",
            "org.acme:quiet:jar:1.0",
            "org.acme:util:jar:2.0",
            "org.acme:logging:jar:1.5",
            "org.acme:new-name:jar:1.0",
            "org.acme:runtime-only:jar:1.0",
            "org.acme:shared:jar:1.0",
            "org.acme:natives:jar:linux:1.0",
            "org.acme:lib:jar:1.5");
    for (var artifact : DepsFetchRun.report(report).get("result").get("artifacts")) {
      Path file = dir.resolve("out/lib").resolve(artifact.get("file").asText());
      assertThat(artifact.get("sha256").asText())
          .isEqualTo(TestRepositoryHashes.sha256(java.nio.file.Files.readAllBytes(file)));
      assertThat(artifact.get("size").asLong()).isEqualTo(java.nio.file.Files.size(file));
      assertThat(artifact.get("repository").asText()).isEqualTo("test");
    }
    assertThat(DepsFetchRun.files(dir.resolve("out/lib")))
        .contains("app-1.0.jar", "natives-1.0-linux.jar", "lib-1.5.jar", "shared-1.0.jar")
        .hasSize(12);
  }
}
