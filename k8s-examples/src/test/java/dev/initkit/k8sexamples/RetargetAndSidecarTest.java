package dev.initkit.k8sexamples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kustomize's {@code images:} retargets the tools' images; the sidecar is a native sidecar probed
 * on git-fetch's {@code /healthz}.
 */
class RetargetAndSidecarTest {

  @Test
  void imagesListRetargetsEveryInitContainerOfTheCombinedExample() throws IOException {
    Path module = Kustomize.moduleDir();
    Path dir = Files.createDirectories(module.resolve("target/retarget/combined"));
    StringBuilder kustomization =
        new StringBuilder(
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - "
                + dir.relativize(module.resolve("combined"))
                + "\nimages:\n");
    for (String tool : ComponentsTest.TOOLS) {
      kustomization
          .append("  - name: initkit/")
          .append(tool)
          .append("\n    newName: registry.example.org/platform/initkit/")
          .append(tool)
          .append("\n    newTag: 1.2.3\n");
    }
    Files.writeString(dir.resolve("kustomization.yaml"), kustomization);

    List<HasMetadata> objects = KubernetesApi.readAll(Kustomize.build(dir));

    for (HasMetadata object : objects) {
      for (var pod : RestrictedPodSecurity.podTemplates(object)) {
        assertThat(pod.getValue().getInitContainers())
            .extracting(Container::getImage)
            .containsExactly(
                "registry.example.org/platform/initkit/db-wait:1.2.3",
                "registry.example.org/platform/initkit/git-fetch:1.2.3",
                "registry.example.org/platform/initkit/deps-fetch:1.2.3",
                "registry.example.org/platform/initkit/env-render:1.2.3");
      }
    }
  }

  @Test
  void sidecarIsNativeWithStartupAndLivenessProbesOnItsHealthEndpoint() {
    for (HasMetadata object : ExamplesTest.build("git-fetch-sidecar")) {
      for (var pod : RestrictedPodSecurity.podTemplates(object)) {
        PodSpec spec = pod.getValue();
        Container sidecar = spec.getInitContainers().get(0);
        assertThat(sidecar.getRestartPolicy()).isEqualTo("Always");
        for (Probe probe : List.of(sidecar.getStartupProbe(), sidecar.getLivenessProbe())) {
          // git-fetch's health endpoint: 503 until the first sync, 200 after.
          assertThat(probe.getHttpGet().getPath()).isEqualTo("/healthz");
          assertThat(probe.getHttpGet().getPort().getStrVal())
              .isEqualTo(sidecar.getPorts().get(0).getName());
        }
        String bind =
            sidecar.getEnv().stream()
                .filter(e -> e.getName().equals("GIT_FETCH_HTTP_BIND"))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow();
        assertThat(bind).endsWith(":" + sidecar.getPorts().get(0).getContainerPort());
        if (object instanceof Deployment) {
          assertThat(spec.getRestartPolicy()).isIn(null, "Always");
        }
      }
    }
  }
}
