package dev.initkit.k8sexamples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kustomization of the module, built with {@code kubectl kustomize}: each object valid
 * against the Kubernetes API of {@link KubernetesApi#VERSION}, each Pod template within the
 * restricted Pod Security Standard, with resources set and the tool images named as released.
 */
class ExamplesTest {

  static Stream<String> kustomizations() throws IOException {
    Path module = Kustomize.moduleDir();
    List<Path> components = Kustomize.components();
    return Kustomize.kustomizations().stream()
        .filter(dir -> !components.contains(dir))
        .map(dir -> module.relativize(dir).toString());
  }

  @Test
  void everyExampleDirectoryIsFound() throws IOException {
    assertThat(kustomizations()).contains("classic");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kustomizations")
  void buildsAndEveryObjectIsValid(String dir) {
    List<HasMetadata> objects = build(dir);
    assertThat(objects).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kustomizations")
  void everyPodTemplateMeetsTheRestrictedStandard(String dir) {
    for (HasMetadata object : build(dir)) {
      for (Map.Entry<ObjectMeta, PodSpec> pod : RestrictedPodSecurity.podTemplates(object)) {
        assertThat(RestrictedPodSecurity.check(pod.getKey(), pod.getValue()))
            .as("%s %s", object.getKind(), object.getMetadata().getName())
            .isEmpty();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kustomizations")
  void everyContainerHasRequestsAndLimits(String dir) {
    for (HasMetadata object : build(dir)) {
      for (Map.Entry<ObjectMeta, PodSpec> pod : RestrictedPodSecurity.podTemplates(object)) {
        for (Container c : containers(pod.getValue())) {
          String where =
              object.getKind() + " " + object.getMetadata().getName() + " " + c.getName();
          assertThat(c.getResources()).as(where).isNotNull();
          assertThat(c.getResources().getRequests()).as(where).containsKeys("cpu", "memory");
          assertThat(c.getResources().getLimits()).as(where).containsKey("memory");
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kustomizations")
  void everyMountNamesAVolumeOfItsPod(String dir) {
    for (HasMetadata object : build(dir)) {
      for (Map.Entry<ObjectMeta, PodSpec> pod : RestrictedPodSecurity.podTemplates(object)) {
        List<String> volumes = pod.getValue().getVolumes().stream().map(Volume::getName).toList();
        for (Container c : containers(pod.getValue())) {
          for (VolumeMount m : c.getVolumeMounts()) {
            assertThat(volumes).as("%s mounts %s", c.getName(), m.getName()).contains(m.getName());
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kustomizations")
  void toolImagesAreNamedAsBuilt(String dir) {
    for (HasMetadata object : build(dir)) {
      for (Map.Entry<ObjectMeta, PodSpec> pod : RestrictedPodSecurity.podTemplates(object)) {
        for (Container c : pod.getValue().getInitContainers()) {
          assertThat(c.getImage())
              .matches("initkit/(git-fetch|deps-fetch|db-wait|env-render)" + ":0\\.1\\.0-SNAPSHOT");
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kustomizations")
  void deploymentRunsThePodOfItsDirectory(String dir) {
    List<HasMetadata> objects = build(dir);
    List<Pod> pods = objects.stream().filter(Pod.class::isInstance).map(Pod.class::cast).toList();
    for (HasMetadata object : objects) {
      if (object instanceof Deployment deployment && !pods.isEmpty()) {
        assertThat(deployment.getSpec().getTemplate().getSpec())
            .as("the Deployment's Pod template in %s", dir)
            .isEqualTo(pods.get(0).getSpec());
      }
    }
  }

  private static final Map<String, List<HasMetadata>> BUILT = new ConcurrentHashMap<>();

  /** The objects of a kustomization, built once per test run. */
  static List<HasMetadata> build(String dir) {
    return BUILT.computeIfAbsent(
        dir, d -> KubernetesApi.readAll(Kustomize.build(Kustomize.moduleDir().resolve(d))));
  }

  static List<Container> containers(PodSpec spec) {
    List<Container> all = new ArrayList<>(spec.getInitContainers());
    all.addAll(spec.getContainers());
    return all;
  }
}
