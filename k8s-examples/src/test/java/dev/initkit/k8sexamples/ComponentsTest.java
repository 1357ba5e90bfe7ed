package dev.initkit.k8sexamples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each Kustomize component, applied alone to the base and to another Deployment that already has an
 * init container: it adds its init container and volumes, the result stays valid against the
 * Kubernetes API and within the restricted standard, and its settings ConfigMap is referenced.
 */
class ComponentsTest {
  static final List<String> TOOLS = List.of("git-fetch", "deps-fetch", "db-wait", "env-render");

  static Stream<String> tools() {
    return TOOLS.stream();
  }

  @Test
  void everyToolHasAComponent() throws IOException {
    Path components = Kustomize.moduleDir().resolve("kustomize/components");
    assertThat(Kustomize.components())
        .filteredOn(dir -> dir.getParent().equals(components))
        .map(dir -> dir.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(TOOLS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tools")
  void componentAddsItsInitContainerToTheBase(String tool) throws IOException {
    Path base = Kustomize.moduleDir().resolve("kustomize/base");
    Deployment deployment = onlyDeployment(withComponent(tool, "base", base));

    PodSpec spec = deployment.getSpec().getTemplate().getSpec();
    assertThat(spec.getInitContainers()).extracting(Container::getName).containsExactly(tool);
    assertThat(spec.getContainers()).extracting(Container::getName).containsExactly("app");
    assertInitContainerIsComplete(spec, tool);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tools")
  void componentAddsItsInitContainerToAnyDeployment(String tool) throws IOException {
    Path other = fixtureDir("other-deployment");
    Deployment deployment = onlyDeployment(withComponent(tool, "other", other));

    PodSpec spec = deployment.getSpec().getTemplate().getSpec();
    assertThat(spec.getInitContainers())
        .extracting(Container::getName)
        .containsExactly(tool, "migrate");
    assertThat(spec.getVolumes()).extracting(Volume::getName).contains("cache");
    assertInitContainerIsComplete(spec, tool);
  }

  @Test
  void allComponentsRunInTheDocumentedOrder() {
    List<HasMetadata> objects = ExamplesTest.build("kustomize/app-with-components");
    PodSpec spec = onlyDeployment(objects).getSpec().getTemplate().getSpec();
    assertThat(spec.getInitContainers())
        .extracting(Container::getName)
        .containsExactly("db-wait", "git-fetch", "deps-fetch", "env-render");
    assertThat(spec.getContainers().get(0).getVolumeMounts())
        .extracting(VolumeMount::getName)
        .containsExactly("git-fetch", "deps-fetch", "env-render");
    ConfigMap gitFetch = configMap(objects, "initkit-git-fetch");
    assertThat(gitFetch.getData())
        .containsEntry("GIT_FETCH_REF", "v1.0.0")
        .containsEntry("GIT_FETCH_DEST", "/workspace/src");
  }

  private static void assertInitContainerIsComplete(PodSpec spec, String tool) {
    Container init =
        spec.getInitContainers().stream().filter(c -> c.getName().equals(tool)).findFirst().get();
    List<String> volumes = spec.getVolumes().stream().map(Volume::getName).toList();
    assertThat(init.getVolumeMounts()).isNotEmpty();
    for (VolumeMount mount : init.getVolumeMounts()) {
      assertThat(volumes).contains(mount.getName());
    }
    assertThat(init.getImage()).isEqualTo("initkit/" + tool + ":0.1.0-SNAPSHOT");
    assertThat(init.getEnvFrom())
        .extracting(EnvFromSource::getConfigMapRef)
        .allSatisfy(ref -> assertThat(ref.getName()).startsWith("initkit-" + tool + "-"));
  }

  /** Builds BASE plus the tool's component, from a kustomization written under target/. */
  private static List<HasMetadata> withComponent(String tool, String label, Path base)
      throws IOException {
    Path module = Kustomize.moduleDir();
    Path dir =
        Files.createDirectories(module.resolve("target/component-builds/" + label + "/" + tool));
    Path component = module.resolve("kustomize/components/" + tool);
    Files.writeString(
        dir.resolve("kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1beta1\n"
            + "kind: Kustomization\n"
            + "resources:\n"
            + "  - "
            + dir.relativize(base)
            + "\n"
            + "components:\n"
            + "  - "
            + dir.relativize(component)
            + "\n");
    List<HasMetadata> objects = KubernetesApi.readAll(Kustomize.build(dir));
    for (HasMetadata object : objects) {
      for (var pod : RestrictedPodSecurity.podTemplates(object)) {
        assertThat(RestrictedPodSecurity.check(pod.getKey(), pod.getValue())).isEmpty();
      }
    }
    return objects;
  }

  private static Path fixtureDir(String name) {
    return Kustomize.moduleDir().resolve("src/test/resources/" + name);
  }

  private static Deployment onlyDeployment(List<HasMetadata> objects) {
    List<Deployment> deployments =
        objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).toList();
    assertThat(deployments).hasSize(1);
    return deployments.get(0);
  }

  private static ConfigMap configMap(List<HasMetadata> objects, String prefix) {
    return objects.stream()
        .filter(ConfigMap.class::isInstance)
        .map(ConfigMap.class::cast)
        .filter(c -> c.getMetadata().getName().startsWith(prefix + "-"))
        .findFirst()
        .orElseThrow();
  }
}
