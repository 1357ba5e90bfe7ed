package dev.initkit.k8sexamples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ChildProcess;
import dev.initkit.common.testkit.ProcessResult;
import dev.initkit.common.testkit.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code k8s-examples/run-classic.sh}: the classic example under podman against a git server on
 * loopback, as the README's main job runs it.
 */
class RunClassicIT {
  private static final Path ROOT = ProjectPaths.root();

  @Test
  void mainContainerSeesTheCloneThroughMyappHome() {
    assertThat(imageAvailable("git-fetch"))
        .as("git-fetch/target/jib-image.tar: the reactor builds git-fetch before the examples")
        .isTrue();

    ProcessResult run = runClassic(Map.of());

    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
    String commit = run.stdout().replaceAll("(?s).*--- expected commit: (\\w+) ---.*", "$1");
    assertThat(run.stdout())
        .contains("MYAPP_HOME=/workspace/myapp")
        .contains("id: 1000:2000")
        .contains("./README.md\n./bin/run.sh\n./conf/app.properties\n")
        .contains("README.md: myapp, cloned by git-fetch")
        .contains("bin/run.sh executable: yes")
        .contains("HEAD: ref: refs/heads/main")
        .contains(commit.substring(0, 8));
    assertNoPodLeft(run);
  }

  @Test
  void failingInitContainerFailsTheRunWithItsLogAndLeavesNothing() {
    // env-render stands in for a git-fetch that fails: with none of its own options it exits 2.
    assertThat(imageAvailable("env-render")).as("env-render/target/jib-image.tar").isTrue();

    ProcessResult run = runClassic(Map.of("GIT_FETCH_IMAGE", "initkit/env-render:0.1.0-SNAPSHOT"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout())
        .contains("--- git-fetch (init container, exited, exit 2) ---")
        .contains("nothing to render");
    assertThat(run.stderr()).contains("serving http://127.0.0.1:");
    assertNoPodLeft(run);
  }

  private static void assertNoPodLeft(ProcessResult run) {
    String pod = run.stderr().replaceAll("(?s).*\\(pod (initkit-run-\\d+-myapp)\\).*", "$1");
    ProcessResult pods = exec(List.of("podman", "pod", "exists", pod), Map.of(), 60);
    assertThat(pods.exitCode()).as("pod %s still exists", pod).isEqualTo(1);
  }

  private static boolean imageAvailable(String tool) {
    return Files.exists(ROOT.resolve(tool + "/target/jib-image.tar"))
        || exec(
                    List.of("podman", "image", "exists", "initkit/" + tool + ":0.1.0-SNAPSHOT"),
                    Map.of(),
                    60)
                .exitCode()
            == 0;
  }

  private static ProcessResult runClassic(Map<String, String> env) {
    return exec(List.of("bash", ROOT.resolve("k8s-examples/run-classic.sh").toString()), env, 600);
  }

  private static ProcessResult exec(List<String> command, Map<String, String> env, int seconds) {
    Map<String, String> withConf = new HashMap<>(env);
    withConf.put("CONTAINERS_CONF", ROOT.resolve("config/podman/containers.conf").toString());
    return ChildProcess.run(command, withConf, Duration.ofSeconds(seconds));
  }
}
