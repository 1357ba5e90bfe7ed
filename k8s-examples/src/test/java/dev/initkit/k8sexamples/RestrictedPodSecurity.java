package dev.initkit.k8sexamples;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SELinuxOptions;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Pod Security Standard "restricted" (Kubernetes 1.30 and later, policy version latest), rule
 * by rule as https://kubernetes.io/docs/concepts/security/pod-security-standards/ states them,
 * baseline rules included; plus {@link Rule#READ_ONLY_ROOT_FILESYSTEM}, which the standard leaves
 * out and initkit's examples require.
 */
final class RestrictedPodSecurity {
  enum Rule {
    HOST_PROCESS,
    HOST_NAMESPACES,
    PRIVILEGED,
    BASELINE_CAPABILITIES,
    HOST_PATH_VOLUMES,
    HOST_PORTS,
    APPARMOR,
    SELINUX,
    PROC_MOUNT,
    SECCOMP_BASELINE,
    SYSCTLS,
    VOLUME_TYPES,
    PRIVILEGE_ESCALATION,
    RUN_AS_NON_ROOT,
    RUN_AS_NON_ROOT_USER,
    SECCOMP_RESTRICTED,
    CAPABILITIES_RESTRICTED,
    READ_ONLY_ROOT_FILESYSTEM
  }

  /** A rule broken, and where. */
  record Violation(Rule rule, String where) {}

  private static final Set<String> BASELINE_ADDABLE_CAPABILITIES =
      Set.of(
          "AUDIT_WRITE",
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "MKNOD",
          "NET_BIND_SERVICE",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_CHROOT");
  private static final Set<String> SAFE_SYSCTLS =
      Set.of(
          "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
          "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies",
          "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
          "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
          "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes",
          "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem");
  private static final Set<String> SELINUX_TYPES =
      Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");
  private static final String APPARMOR_ANNOTATION =
      "container.apparmor.security.beta.kubernetes.io/";

  private RestrictedPodSecurity() {}

  /** The Pod templates of an object: a Pod's own spec, a Deployment's template. */
  static List<Map.Entry<ObjectMeta, PodSpec>> podTemplates(HasMetadata object) {
    if (object instanceof Pod pod) {
      return List.of(Map.entry(meta(pod.getMetadata()), pod.getSpec()));
    }
    if (object instanceof Deployment deployment) {
      var template = deployment.getSpec().getTemplate();
      return List.of(Map.entry(meta(template.getMetadata()), template.getSpec()));
    }
    return List.of();
  }

  private static ObjectMeta meta(ObjectMeta meta) {
    return meta == null ? new ObjectMeta() : meta;
  }

  /** Every rule the Pod breaks, each with the container or field that breaks it. */
  static List<Violation> check(ObjectMeta meta, PodSpec spec) {
    List<Violation> found = new ArrayList<>();
    PodSecurityContext pod =
        Objects.requireNonNullElseGet(spec.getSecurityContext(), PodSecurityContext::new);
    List<Container> containers = allContainers(spec);

    // Host namespaces.
    if (isTrue(spec.getHostNetwork()) || isTrue(spec.getHostPID()) || isTrue(spec.getHostIPC())) {
      found.add(new Violation(Rule.HOST_NAMESPACES, "spec"));
    }
    // HostProcess (Windows).
    if (pod.getWindowsOptions() != null && isTrue(pod.getWindowsOptions().getHostProcess())) {
      found.add(new Violation(Rule.HOST_PROCESS, "spec.securityContext"));
    }
    // Volumes: hostPath (baseline), and only the listed types (restricted).
    for (Volume v : nullSafe(spec.getVolumes())) {
      if (v.getHostPath() != null) {
        found.add(new Violation(Rule.HOST_PATH_VOLUMES, "volume " + v.getName()));
      }
      boolean allowed =
          v.getConfigMap() != null
              || v.getCsi() != null
              || v.getDownwardAPI() != null
              || v.getEmptyDir() != null
              || v.getEphemeral() != null
              || v.getPersistentVolumeClaim() != null
              || v.getProjected() != null
              || v.getSecret() != null;
      if (!allowed) {
        found.add(new Violation(Rule.VOLUME_TYPES, "volume " + v.getName()));
      }
    }
    // AppArmor: the field (pod and containers) and the older annotations.
    if (pod.getAppArmorProfile() != null && !appArmorAllowed(pod.getAppArmorProfile().getType())) {
      found.add(new Violation(Rule.APPARMOR, "spec.securityContext"));
    }
    if (meta.getAnnotations() != null) {
      meta.getAnnotations()
          .forEach(
              (key, value) -> {
                if (key.startsWith(APPARMOR_ANNOTATION)
                    && !(value.equals("runtime/default") || value.startsWith("localhost/"))) {
                  found.add(new Violation(Rule.APPARMOR, "annotation " + key));
                }
              });
    }
    // SELinux.
    if (!seLinuxAllowed(pod.getSeLinuxOptions())) {
      found.add(new Violation(Rule.SELINUX, "spec.securityContext"));
    }
    // Seccomp, pod level: never Unconfined (baseline).
    if (pod.getSeccompProfile() != null && isUnconfined(pod.getSeccompProfile())) {
      found.add(new Violation(Rule.SECCOMP_BASELINE, "spec.securityContext"));
    }
    // Sysctls.
    for (Sysctl s : nullSafe(pod.getSysctls())) {
      if (!SAFE_SYSCTLS.contains(s.getName())) {
        found.add(new Violation(Rule.SYSCTLS, "sysctl " + s.getName()));
      }
    }
    // Non-root user at pod level.
    if (Long.valueOf(0).equals(pod.getRunAsUser())) {
      found.add(new Violation(Rule.RUN_AS_NON_ROOT_USER, "spec.securityContext"));
    }

    for (Container c : containers) {
      String where = "container " + c.getName();
      SecurityContext sc =
          Objects.requireNonNullElseGet(c.getSecurityContext(), SecurityContext::new);
      if (sc.getWindowsOptions() != null && isTrue(sc.getWindowsOptions().getHostProcess())) {
        found.add(new Violation(Rule.HOST_PROCESS, where));
      }
      if (isTrue(sc.getPrivileged())) {
        found.add(new Violation(Rule.PRIVILEGED, where));
      }
      Capabilities caps = sc.getCapabilities();
      List<String> added = caps == null ? List.of() : nullSafe(caps.getAdd());
      if (added.stream().anyMatch(a -> !BASELINE_ADDABLE_CAPABILITIES.contains(a))) {
        found.add(new Violation(Rule.BASELINE_CAPABILITIES, where));
      }
      boolean dropsAll = caps != null && nullSafe(caps.getDrop()).contains("ALL");
      if (!dropsAll || added.stream().anyMatch(a -> !a.equals("NET_BIND_SERVICE"))) {
        found.add(new Violation(Rule.CAPABILITIES_RESTRICTED, where));
      }
      for (ContainerPort port : nullSafe(c.getPorts())) {
        if (port.getHostPort() != null && port.getHostPort() != 0) {
          found.add(new Violation(Rule.HOST_PORTS, where));
        }
      }
      if (sc.getAppArmorProfile() != null && !appArmorAllowed(sc.getAppArmorProfile().getType())) {
        found.add(new Violation(Rule.APPARMOR, where));
      }
      if (!seLinuxAllowed(sc.getSeLinuxOptions())) {
        found.add(new Violation(Rule.SELINUX, where));
      }
      if (sc.getProcMount() != null && !sc.getProcMount().equals("Default")) {
        found.add(new Violation(Rule.PROC_MOUNT, where));
      }
      if (sc.getSeccompProfile() != null && isUnconfined(sc.getSeccompProfile())) {
        found.add(new Violation(Rule.SECCOMP_BASELINE, where));
      }
      // Restricted: seccomp must be RuntimeDefault or Localhost, on the pod or the container.
      SeccompProfile seccomp =
          sc.getSeccompProfile() != null ? sc.getSeccompProfile() : pod.getSeccompProfile();
      if (seccomp == null
          || !(seccomp.getType().equals("RuntimeDefault")
              || seccomp.getType().equals("Localhost"))) {
        found.add(new Violation(Rule.SECCOMP_RESTRICTED, where));
      }
      if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
        found.add(new Violation(Rule.PRIVILEGE_ESCALATION, where));
      }
      // runAsNonRoot: true on the container, or on the pod and not false on the container.
      boolean nonRoot =
          sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : isTrue(pod.getRunAsNonRoot());
      if (!nonRoot) {
        found.add(new Violation(Rule.RUN_AS_NON_ROOT, where));
      }
      if (Long.valueOf(0).equals(sc.getRunAsUser())) {
        found.add(new Violation(Rule.RUN_AS_NON_ROOT_USER, where));
      }
      if (!isTrue(sc.getReadOnlyRootFilesystem())) {
        found.add(new Violation(Rule.READ_ONLY_ROOT_FILESYSTEM, where));
      }
    }
    return found;
  }

  /** The rules broken, without their places. */
  static Set<Rule> rulesBroken(ObjectMeta meta, PodSpec spec) {
    Set<Rule> rules = EnumSet.noneOf(Rule.class);
    check(meta, spec).forEach(v -> rules.add(v.rule()));
    return rules;
  }

  private static List<Container> allContainers(PodSpec spec) {
    List<Container> all = new ArrayList<>(nullSafe(spec.getInitContainers()));
    all.addAll(nullSafe(spec.getContainers()));
    // Ephemeral containers have the same fields that matter here.
    nullSafe(spec.getEphemeralContainers())
        .forEach(
            e -> {
              Container c = new Container();
              c.setName(e.getName());
              c.setSecurityContext(e.getSecurityContext());
              c.setPorts(e.getPorts());
              all.add(c);
            });
    return all;
  }

  private static boolean appArmorAllowed(String type) {
    return type == null || type.equals("RuntimeDefault") || type.equals("Localhost");
  }

  private static boolean seLinuxAllowed(SELinuxOptions options) {
    if (options == null) {
      return true;
    }
    return SELINUX_TYPES.contains(Objects.requireNonNullElse(options.getType(), ""))
        && isBlank(options.getUser())
        && isBlank(options.getRole());
  }

  private static boolean isUnconfined(SeccompProfile profile) {
    return "Unconfined".equals(profile.getType());
  }

  private static boolean isBlank(String s) {
    return s == null || s.isEmpty();
  }

  private static boolean isTrue(Boolean b) {
    return Boolean.TRUE.equals(b);
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }

  static Stream<Rule> allRules() {
    return Stream.of(Rule.values());
  }
}
