package dev.initkit.k8sexamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.initkit.common.testkit.ProjectPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The env-render example ({@code env-render/configmap.yaml} and {@code pod.yaml}) under podman: the
 * template and schema from the ConfigMap, the password from a Secret volume, the rendered 0640
 * files read by a main container of another uid through the shared group.
 */
class EnvRenderExampleIT {
  private static final Path ROOT = ProjectPaths.root();

  @Test
  void mainContainerReadsTheRenderedConfigAndEnvFile() throws Exception {
    assumeTrue(
        PodmanPlay.imageAvailable(
            "initkit/env-render:0.1.0-SNAPSHOT", ROOT.resolve("env-render/target/jib-image.tar")),
        "no env-render image (env-render/target/jib-image.tar)");
    assumeTrue(
        PodmanPlay.imageAvailable("initkit-base:local", ROOT.resolve("image-base/target/base.tar")),
        "no base image (image-base/target/base.tar)");

    Path example = Kustomize.moduleDir().resolve("env-render");
    String prefix = "initkit-it-" + ProcessHandle.current().pid() + "-";
    Path dir = Kustomize.moduleDir().resolve("target/podman/env-render");
    String kustomization =
        String.join(
            "\n",
            "apiVersion: kustomize.config.k8s.io/v1beta1",
            "kind: Kustomization",
            "namePrefix: " + prefix,
            "resources:",
            "  - " + example.resolve("configmap.yaml"),
            "  - " + example.resolve("pod.yaml"),
            // The Secret the example expects, with a value that needs care. podman 4.3 mishandles
            // Secret volumes (it crashes without `optional`, podman#16636, and mounts `data`
            // still base64-encoded), so the same keys come from a ConfigMap in its place.
            "configMapGenerator:",
            "  - name: app-secrets-for-podman",
            "    literals: [\"DB_PASSWORD=s3cr$t 'quoted'\"]",
            "    options: {disableNameSuffixHash: true}",
            "patches:",
            "  - target: {kind: Pod}",
            "    patch: |",
            "      - {op: add, path: /spec/restartPolicy, value: Never}",
            "      - {op: test, path: /spec/volumes/2/name, value: app-secrets}",
            "      - op: replace",
            "        path: /spec/volumes/2",
            "        value: {name: app-secrets, configMap: {name: app-secrets-for-podman}}",
            "      - op: add",
            "        path: /metadata/annotations",
            "        value: {io.podman.annotations.init.container.type: always}",
            "      - {op: replace, path: /spec/containers/0/image, value: initkit-base:local}",
            "      - op: add",
            "        path: /spec/containers/0/command",
            "        value:",
            "          - /bin/busybox",
            "          - sh",
            "          - -c",
            "          - |",
            "            echo \"id: $(/bin/busybox id -u):$(/bin/busybox id -g)\"",
            "            echo \"--- app.conf\"; /bin/busybox cat /config/app.conf",
            "            set -a; . /config/app.env; set +a",
            "            echo \"--- app.env: DB_HOST=$DB_HOST DB_PASSWORD=$DB_PASSWORD\"",
            "      - op: add",
            "        path: /spec/containers/0/volumeMounts/-",
            "        value: {name: busybox, mountPath: /bin/busybox, readOnly: true}",
            "      - op: add",
            "        path: /spec/volumes/-",
            "        value: {name: busybox, hostPath: {path: /bin/busybox, type: File}}",
            "");
    String pod = prefix + "env-render-example";
    try (PodmanPlay play = PodmanPlay.play(dir, kustomization)) {
      Map<String, String> init = play.awaitExit(pod + "-env-render", Duration.ofMinutes(2));
      Map<String, String> app = play.awaitExit(pod + "-app", Duration.ofMinutes(2));
      String initLogs = play.logs(pod + "-env-render");
      String appLogs = play.logs(pod + "-app");

      assertThat(init).as(play.playOutput() + initLogs).containsEntry("exitCode", "0");
      assertThat(app).as(appLogs).containsEntry("status", "exited").containsEntry("exitCode", "0");
      assertThat(appLogs)
          .contains("id: 1000:2000")
          .contains("database.url = jdbc:postgresql://postgres:5432/app")
          .contains("database.password = s3cr$t 'quoted'")
          .contains("log.level = info")
          .contains("--- app.env: DB_HOST=postgres DB_PASSWORD=s3cr$t 'quoted'");
      assertThat(initLogs).doesNotContain("s3cr$t");
    }
    assertThat(PodmanPlay.podExists(pod)).isFalse();
  }
}
