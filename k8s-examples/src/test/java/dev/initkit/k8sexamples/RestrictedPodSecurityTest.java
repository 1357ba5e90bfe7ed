package dev.initkit.k8sexamples;

import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.APPARMOR;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.BASELINE_CAPABILITIES;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.CAPABILITIES_RESTRICTED;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.HOST_NAMESPACES;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.HOST_PATH_VOLUMES;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.HOST_PORTS;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.HOST_PROCESS;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.PRIVILEGED;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.PRIVILEGE_ESCALATION;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.PROC_MOUNT;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.READ_ONLY_ROOT_FILESYSTEM;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.RUN_AS_NON_ROOT;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.RUN_AS_NON_ROOT_USER;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.SECCOMP_BASELINE;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.SECCOMP_RESTRICTED;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.SELINUX;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.SYSCTLS;
import static dev.initkit.k8sexamples.RestrictedPodSecurity.Rule.VOLUME_TYPES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.k8sexamples.RestrictedPodSecurity.Rule;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.NFSVolumeSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SELinuxOptions;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.WindowsSecurityContextOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The restricted-standard check itself: the classic Pod passes, and one failing fixture per rule
 * (the classic Pod with one thing changed) is caught by that rule, and by no rule it does not
 * break.
 */
class RestrictedPodSecurityTest {

  /** A fixture: what it changes in the classic Pod, and the rules that change breaks. */
  record Fixture(Rule rule, Consumer<Pod> change, Set<Rule> breaks) {}

  static Stream<Arguments> fixtures() {
    return Stream.of(
            new Fixture(
                HOST_PROCESS,
                p ->
                    init(p)
                        .getSecurityContext()
                        .setWindowsOptions(
                            new WindowsSecurityContextOptions(null, null, true, null)),
                Set.of()),
            new Fixture(HOST_NAMESPACES, p -> p.getSpec().setHostPID(true), Set.of()),
            new Fixture(PRIVILEGED, p -> app(p).getSecurityContext().setPrivileged(true), Set.of()),
            new Fixture(
                BASELINE_CAPABILITIES,
                p -> app(p).getSecurityContext().getCapabilities().setAdd(List.of("SYS_ADMIN")),
                Set.of(CAPABILITIES_RESTRICTED)),
            new Fixture(
                HOST_PATH_VOLUMES,
                p -> p.getSpec().getVolumes().add(hostPath()),
                Set.of(VOLUME_TYPES)),
            new Fixture(HOST_PORTS, p -> app(p).setPorts(List.of(hostPort())), Set.of()),
            new Fixture(
                APPARMOR,
                p ->
                    p.getMetadata()
                        .setAnnotations(
                            Map.of(
                                "container.apparmor.security.beta.kubernetes.io/app",
                                "unconfined")),
                Set.of()),
            new Fixture(
                SELINUX,
                p ->
                    app(p)
                        .getSecurityContext()
                        .setSeLinuxOptions(new SELinuxOptions(null, null, "spc_t", null)),
                Set.of()),
            new Fixture(
                PROC_MOUNT, p -> app(p).getSecurityContext().setProcMount("Unmasked"), Set.of()),
            new Fixture(
                SECCOMP_BASELINE,
                p ->
                    app(p)
                        .getSecurityContext()
                        .setSeccompProfile(new SeccompProfile(null, "Unconfined")),
                Set.of(SECCOMP_RESTRICTED)),
            new Fixture(
                SYSCTLS,
                p ->
                    p.getSpec()
                        .getSecurityContext()
                        .setSysctls(List.of(new Sysctl("kernel.msgmax", "65536"))),
                Set.of()),
            new Fixture(VOLUME_TYPES, p -> p.getSpec().getVolumes().add(nfs()), Set.of()),
            new Fixture(
                PRIVILEGE_ESCALATION,
                p -> init(p).getSecurityContext().setAllowPrivilegeEscalation(null),
                Set.of()),
            new Fixture(
                RUN_AS_NON_ROOT,
                p -> p.getSpec().getSecurityContext().setRunAsNonRoot(null),
                Set.of()),
            new Fixture(
                RUN_AS_NON_ROOT_USER, p -> app(p).getSecurityContext().setRunAsUser(0L), Set.of()),
            new Fixture(
                SECCOMP_RESTRICTED,
                p -> p.getSpec().getSecurityContext().setSeccompProfile(null),
                Set.of()),
            new Fixture(
                CAPABILITIES_RESTRICTED,
                p -> init(p).getSecurityContext().getCapabilities().setDrop(List.of("NET_RAW")),
                Set.of()),
            new Fixture(
                READ_ONLY_ROOT_FILESYSTEM,
                p -> app(p).getSecurityContext().setReadOnlyRootFilesystem(false),
                Set.of()))
        .map(f -> Arguments.of(f.rule(), f));
  }

  @Test
  void everyRuleHasAFailingFixture() {
    Set<Rule> covered = EnumSet.noneOf(Rule.class);
    fixtures().forEach(a -> covered.add((Rule) a.get()[0]));
    assertThat(covered).containsExactlyInAnyOrder(Rule.values());
  }

  @Test
  void classicPodMeetsTheRestrictedStandard() throws IOException {
    Pod pod = classicPod();
    assertThat(RestrictedPodSecurity.check(pod.getMetadata(), pod.getSpec())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void fixtureBreakingOneRuleIsCaughtByThatRule(Rule rule, Fixture fixture) throws IOException {
    Pod pod = classicPod();
    fixture.change().accept(pod);

    Set<Rule> expected = EnumSet.of(rule);
    expected.addAll(fixture.breaks());
    assertThat(RestrictedPodSecurity.rulesBroken(pod.getMetadata(), pod.getSpec()))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private static Pod classicPod() throws IOException {
    String yaml = Files.readString(Kustomize.moduleDir().resolve("classic/pod.yaml"));
    return (Pod) KubernetesApi.readAll(yaml).get(0);
  }

  private static Container init(Pod pod) {
    return pod.getSpec().getInitContainers().get(0);
  }

  private static Container app(Pod pod) {
    return pod.getSpec().getContainers().get(0);
  }

  private static Volume hostPath() {
    Volume v = new Volume();
    v.setName("host");
    v.setHostPath(new HostPathVolumeSource("/var/run", "Directory"));
    return v;
  }

  private static Volume nfs() {
    Volume v = new Volume();
    v.setName("nfs");
    v.setNfs(new NFSVolumeSource("/export", false, "nfs.example.org"));
    return v;
  }

  private static ContainerPort hostPort() {
    ContainerPort port = new ContainerPort();
    port.setContainerPort(8080);
    port.setHostPort(8080);
    return port;
  }
}
