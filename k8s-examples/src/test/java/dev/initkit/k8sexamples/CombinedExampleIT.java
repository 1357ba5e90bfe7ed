package dev.initkit.k8sexamples;

import static dev.initkit.k8sexamples.CombinedExample.DB_PASSWORD;
import static dev.initkit.k8sexamples.CombinedExample.GIT_TOKEN;
import static dev.initkit.k8sexamples.CombinedExample.INIT_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The combined example under podman, against servers on loopback: PostgreSQL, a git server and a
 * Maven repository ({@link CombinedExample}). Its four init containers run in order under the
 * example's memory limits; the main container, as uid 1000, prints what it finds of the database
 * report, the code, the jars and the rendered config, and the test checks what it saw.
 */
class CombinedExampleIT {
  @TempDir Path work;

  @Test
  void appStartsOnceItsDatabaseCodePluginsAndConfigAreInPlace() throws Exception {
    assertThat(CombinedExample.loadImages()).as("images this build should have made").isEmpty();

    try (CombinedExample example = CombinedExample.start(work)) {
      String prefix = "initkit-it-" + ProcessHandle.current().pid() + "-";
      String pod = CombinedExample.pod(prefix);

      try (PodmanPlay play = example.play(prefix, "")) {
        Map<String, String> app = play.awaitExit(pod + "-shop", Duration.ofMinutes(4));
        StringBuilder initLogs = new StringBuilder(play.playOutput());
        for (String tool : INIT_ORDER) {
          initLogs.append("\n--- ").append(tool).append('\n').append(play.logs(pod + "-" + tool));
        }
        String appLogs = play.logs(pod + "-shop");

        for (String tool : INIT_ORDER) {
          assertThat(play.state(pod + "-" + tool))
              .as("%s: %s", tool, initLogs)
              .containsEntry("status", "exited")
              .containsEntry("exitCode", "0");
        }
        assertThat(app).as(appLogs).containsEntry("exitCode", "0");
        assertRanInOrder(play, pod);
        assertRanUnderTheExamplesMemoryLimits(play, pod);

        assertThat(appLogs)
            .contains("id: 1000:2000")
            .contains("./README.md\n./bin/start.sh\n--- ")
            .contains("HEAD: " + example.taggedCommit())
            .contains("README.md: shop 2.3.0, fetched by git-fetch")
            .contains("bin/start.sh executable: yes")
            .contains(example.dependencySha() + "  checker-qual-3.48.3.jar\n")
            .contains(example.driverSha() + "  postgresql-42.7.4.jar\n")
            .contains("database.url = jdbc:postgresql://postgres:5432/shop")
            .contains("database.password = " + DB_PASSWORD)
            .contains("app.home = /workspace/src");
        // The app sees db-wait's report. It cannot read it yet: reports are written 0600 (common's
        // ReportWriter), so the test reads it from the volume.
        assertThat(appLogs)
            .containsPattern("--- db-wait report: -rw\\S+ +1 65532 +2000 .*db-wait.json\n");
        JsonNode report =
            new ObjectMapper()
                .readTree(
                    play.mountSource(pod + "-shop", "/workspace").resolve("db-wait.json").toFile());
        JsonNode target = report.at("/result/targets/0");
        assertThat(target.path("target").asText()).isEqualTo(example.dbUrl());
        assertThat(target.path("status").asText()).isEqualTo("ok");
        assertThat(target.path("serverVersion").asText()).isNotEmpty();
        assertThat(initLogs.toString()).doesNotContain(DB_PASSWORD).doesNotContain(GIT_TOKEN);
      }
      assertThat(PodmanPlay.podExists(pod)).isFalse();
    }
  }

  /** Each init container started after the one before it had finished, the app after the last. */
  private static void assertRanInOrder(PodmanPlay play, String pod) {
    long previousFinished = Long.MIN_VALUE;
    String previous = "the Pod's start";
    List<String> containers = new ArrayList<>(INIT_ORDER);
    containers.add("shop");
    for (String container : containers) {
      long[] times = play.startedAndFinished(pod + "-" + container);
      assertThat(times[0])
          .as("%s starts after %s ended", container, previous)
          .isGreaterThanOrEqualTo(previousFinished);
      previousFinished = times[1];
      previous = container;
    }
  }

  /** podman applied each init container's memory limit: the run proves the limit is enough. */
  private static void assertRanUnderTheExamplesMemoryLimits(PodmanPlay play, String pod)
      throws Exception {
    Pod manifest =
        KubernetesApi.readAll(Files.readString(play.manifest())).stream()
            .filter(Pod.class::isInstance)
            .map(Pod.class::cast)
            .findFirst()
            .orElseThrow();
    for (Container init : manifest.getSpec().getInitContainers()) {
      Quantity limit = init.getResources().getLimits().get("memory");
      assertThat(play.memoryLimitBytes(pod + "-" + init.getName()))
          .as("%s's memory limit in podman", init.getName())
          .isEqualTo(Quantity.getAmountInBytes(limit).longValueExact());
    }
  }
}
