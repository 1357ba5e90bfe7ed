package dev.initkit.k8sexamples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initkit.common.testkit.ProjectPaths;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The combined example ({@code combined/configmap.yaml} and {@code pod.yaml}) under podman, against
 * servers on loopback: PostgreSQL, a git server and a Maven repository. Its four init containers
 * run in order under the example's memory limits; the main container, as uid 1000, prints the
 * database report, the code, the jars and the rendered config, and the test checks what it saw.
 */
class CombinedExampleIT {
  private static final Path ROOT = ProjectPaths.root();
  private static final String VERSION = "0.1.0-SNAPSHOT";

  /** The init containers of the example, in the order they must run. */
  private static final List<String> ORDER =
      List.of("db-wait", "git-fetch", "deps-fetch", "env-render");

  private static final String DB_USER = "shop";
  private static final String DB_PASSWORD = "shop-Pa55-w0rd";
  private static final String GIT_TOKEN = "git-token-unused-by-this-server";
  private static final String DRIVER = "org.postgresql:postgresql:42.7.4";
  private static final String DRIVER_DEPENDENCY = "org.checkerframework:checker-qual:3.48.3";

  @TempDir Path work;

  @Test
  void appStartsOnceItsDatabaseCodePluginsAndConfigAreInPlace() throws Exception {
    for (String tool : ORDER) {
      assertThat(
              PodmanPlay.imageAvailable(
                  "initkit/" + tool + ":" + VERSION, ROOT.resolve(tool + "/target/jib-image.tar")))
          .as("%s/target/jib-image.tar: the reactor builds the tools before the examples", tool)
          .isTrue();
    }
    assertThat(
            PodmanPlay.imageAvailable(
                "initkit-base:local", ROOT.resolve("image-base/target/base.tar")))
        .as("image-base/target/base.tar")
        .isTrue();

    try (LoopbackPostgres db =
            LoopbackPostgres.start(work.resolve("pgdata"), DB_USER, DB_PASSWORD);
        GitHttpServer git = GitHttpServer.serve(work.resolve("git"));
        MavenRepositoryServer maven = MavenRepositoryServer.serve(work.resolve("maven"))) {
      String tagged =
          git.createTagged(
              "shop",
              Map.of(
                  "README.md", "shop 2.3.0, fetched by git-fetch\n",
                  "bin/start.sh", "#!/bin/sh\necho starting shop\n"),
              "v2.3.0");
      // The plugin the example's ConfigMap names, with a dependency: both must arrive.
      String driverSha = maven.publish(DRIVER, List.of(DRIVER_DEPENDENCY));
      String dependencySha = maven.publish(DRIVER_DEPENDENCY, List.of());

      String prefix = "initkit-it-" + ProcessHandle.current().pid() + "-";
      String dbUrl = "jdbc:postgresql://127.0.0.1:" + db.port() + "/" + DB_USER;
      String overlay = overlay(prefix, dbUrl, git.url("shop"), maven.url());
      Path dir = Kustomize.moduleDir().resolve("target/podman/combined");
      String pod = prefix + "shop";

      try (PodmanPlay play = PodmanPlay.play(dir, overlay)) {
        Map<String, String> app = play.awaitExit(pod + "-shop", Duration.ofMinutes(4));
        StringBuilder initLogs = new StringBuilder(play.playOutput());
        for (String tool : ORDER) {
          initLogs.append("\n--- ").append(tool).append('\n').append(play.logs(pod + "-" + tool));
        }
        String appLogs = play.logs(pod + "-shop");

        for (String tool : ORDER) {
          assertThat(play.state(pod + "-" + tool))
              .as("%s: %s", tool, initLogs)
              .containsEntry("status", "exited")
              .containsEntry("exitCode", "0");
        }
        assertThat(app).as(appLogs).containsEntry("exitCode", "0");
        assertRanInOrder(play, pod);
        assertRanUnderTheExamplesMemoryLimits(play, pod, dir);

        assertThat(appLogs)
            .contains("id: 1000:2000")
            .contains("./README.md\n./bin/start.sh\n--- ")
            .contains("HEAD: " + tagged)
            .contains("README.md: shop 2.3.0, fetched by git-fetch")
            .contains("bin/start.sh executable: yes")
            .contains(dependencySha + "  checker-qual-3.48.3.jar\n")
            .contains(driverSha + "  postgresql-42.7.4.jar\n")
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
        assertThat(target.path("target").asText()).isEqualTo(dbUrl);
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
    for (String container : List.of("db-wait", "git-fetch", "deps-fetch", "env-render", "shop")) {
      long[] times = play.startedAndFinished(pod + "-" + container);
      assertThat(times[0])
          .as("%s starts after %s ended", container, previous)
          .isGreaterThanOrEqualTo(previousFinished);
      previousFinished = times[1];
      previous = container;
    }
  }

  /** podman applied each init container's memory limit: the run proves the limit is enough. */
  private static void assertRanUnderTheExamplesMemoryLimits(PodmanPlay play, String pod, Path dir)
      throws Exception {
    Pod manifest =
        KubernetesApi.readAll(Files.readString(dir.resolve("manifest.yaml"))).stream()
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

  /**
   * The overlay: the example's own files, plus what podman 4.3 needs and what points the example at
   * the loopback servers. Nothing else of the example changes.
   */
  private static String overlay(String prefix, String dbUrl, String repoUrl, String mavenUrl) {
    Path example = Kustomize.moduleDir().resolve("combined");
    return """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namePrefix: %1$s
        resources:
          - %2$s
          - %3$s
        # The Secrets the example expects. podman 4.3 mishandles Secret volumes (it crashes
        # without `optional`, podman#16636, and mounts `data` base64-encoded), so the same keys
        # come from ConfigMaps in their place.
        configMapGenerator:
          - name: db-credentials-for-podman
            literals: ["password=%4$s"]
            options: {disableNameSuffixHash: true}
          - name: git-credentials-for-podman
            literals: ["token=%5$s"]
            options: {disableNameSuffixHash: true}
        patches:
          - target: {kind: Pod, name: shop}
            patch: |
              # podman 4.3: init containers take the Pod's restart policy, and are removed (with
              # their logs) once they succeeded unless this annotation keeps them.
              - {op: add, path: /spec/restartPolicy, value: Never}
              - op: add
                path: /metadata/annotations
                value: {io.podman.annotations.init.container.type: always}
              # The loopback servers.
              - {op: test, path: /spec/initContainers/0/env/0/name, value: DB_WAIT_URL}
              - {op: replace, path: /spec/initContainers/0/env/0/value, value: "%6$s"}
              - {op: test, path: /spec/initContainers/1/env/0/name, value: GIT_FETCH_REPO}
              - {op: replace, path: /spec/initContainers/1/env/0/value, value: "%7$s"}
              - {op: test, path: /spec/initContainers/2/name, value: deps-fetch}
              - op: add
                path: /spec/initContainers/2/env/-
                value: {name: DEPS_FETCH_MIRROR, value: "%8$s"}
              # The Secret volumes, as ConfigMaps (see above).
              - {op: test, path: /spec/volumes/3/name, value: db-credentials}
              - op: replace
                path: /spec/volumes/3
                value: {name: db-credentials, configMap: {name: db-credentials-for-podman}}
              - {op: test, path: /spec/volumes/4/name, value: git-credentials}
              - op: replace
                path: /spec/volumes/4
                value: {name: git-credentials, configMap: {name: git-credentials-for-podman}}
              - {op: test, path: /spec/volumes/5/name, value: render-secrets}
              - op: replace
                path: /spec/volumes/5
                value:
                  name: render-secrets
                  configMap:
                    name: db-credentials-for-podman
                    items: [{key: password, path: DB_PASSWORD}]
              # The main container: the base image and the host's busybox, printing what it sees.
              - {op: replace, path: /spec/containers/0/image, value: "initkit-base:local"}
              - {op: remove, path: /spec/containers/0/args}
              - op: add
                path: /spec/containers/0/command
                value:
                  - /bin/busybox
                  - sh
                  - -c
                  - |
                    set -e
                    b=/bin/busybox
                    echo "id: $($b id -u):$($b id -g)"
                    echo "--- db-wait report: $($b ls -ln /workspace/db-wait.json)"
                    echo "--- code"
                    cd /workspace/src
                    $b find . -path ./.git -prune -o -type f -print | $b sort
                    echo "--- HEAD: $($b cat .git/HEAD)"
                    echo "README.md: $($b cat README.md)"
                    echo "bin/start.sh executable: $($b test -x bin/start.sh && echo yes || echo no)"
                    echo "--- plugins"
                    cd /workspace/plugins
                    $b sha256sum *.jar
                    echo "--- app.conf"
                    $b cat /config/app.conf
                    echo "--- end"
              - op: add
                path: /spec/containers/0/volumeMounts/-
                value: {name: busybox, mountPath: /bin/busybox, readOnly: true}
              - op: add
                path: /spec/volumes/-
                value: {name: busybox, hostPath: {path: /bin/busybox, type: File}}
        """
        .formatted(
            prefix,
            example.resolve("configmap.yaml"),
            example.resolve("pod.yaml"),
            DB_PASSWORD,
            GIT_TOKEN,
            dbUrl,
            repoUrl,
            mavenUrl);
  }
}
