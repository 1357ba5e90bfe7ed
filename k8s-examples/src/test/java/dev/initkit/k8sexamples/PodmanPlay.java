package dev.initkit.k8sexamples;

import dev.initkit.common.testkit.Podman;
import dev.initkit.common.testkit.ProcessResult;
import dev.initkit.common.testkit.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs an example Pod under {@code podman kube play --network host}: a Kustomize overlay (written
 * by the test, referencing the example's files) adds only what podman 4.3 needs, the Pod runs to
 * the end of its main container, and {@link #close()} tears it down.
 */
final class PodmanPlay implements AutoCloseable {
  private static final Path ROOT = ProjectPaths.root();
  private static final Podman PODMAN = Podman.forProject();

  private final Path manifest;
  private final ProcessResult played;

  private PodmanPlay(Path manifest, ProcessResult played) {
    this.manifest = manifest;
    this.played = played;
  }

  /** The manifest that was played: the overlay built by Kustomize. */
  Path manifest() {
    return manifest;
  }

  /** What {@code podman kube play} printed: why a container is missing. */
  String playOutput() {
    return played.stdout() + played.stderr();
  }

  /**
   * Builds the overlay in DIR (its kustomization.yaml text given) and plays it. Podman fails the
   * play when an init container fails; the containers' states and logs then say why.
   */
  static PodmanPlay play(Path dir, String kustomization) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("kustomization.yaml"), kustomization);
    Path manifest = dir.resolve("manifest.yaml");
    Files.writeString(manifest, Kustomize.build(dir, "--load-restrictor", "LoadRestrictionsNone"));
    return new PodmanPlay(
        manifest,
        podman(Duration.ofMinutes(5), "kube", "play", "--network", "host", manifest.toString()));
  }

  /** The state and exit code of a container once it is no longer running (or at the deadline). */
  Map<String, String> awaitExit(String container, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, String> state = state(container);
    while (!"exited".equals(state.get("status"))
        && !"missing".equals(state.get("status"))
        && System.nanoTime() < deadline) {
      podman(Duration.ofMinutes(1), "wait", "--interval", "250ms", container);
      state = state(container);
    }
    return state;
  }

  Map<String, String> state(String container) {
    ProcessResult r =
        podman(
            Duration.ofMinutes(1),
            "inspect",
            "--format",
            "{{.State.Status}} {{.State.ExitCode}}",
            container);
    String[] parts = r.stdout().trim().split(" ");
    Map<String, String> state = new LinkedHashMap<>();
    state.put("status", r.exitCode() == 0 ? parts[0] : "missing");
    state.put("exitCode", r.exitCode() == 0 ? parts[1] : "");
    return state;
  }

  /** The memory limit podman gave a container, in bytes (0 for none). */
  long memoryLimitBytes(String container) {
    ProcessResult r =
        podman(Duration.ofMinutes(1), "inspect", "--format", "{{.HostConfig.Memory}}", container);
    if (r.exitCode() != 0) {
      throw new IllegalStateException("podman inspect " + container + ": " + r.stderr());
    }
    return Long.parseLong(r.stdout().trim());
  }

  /** Where on this machine the volume mounted at DESTINATION in a container lies. */
  Path mountSource(String container, String destination) {
    ProcessResult r =
        podman(
            Duration.ofMinutes(1),
            "inspect",
            "--format",
            "{{range .Mounts}}{{.Destination}}={{.Source}}\n{{end}}",
            container);
    return r.stdout()
        .lines()
        .filter(line -> line.startsWith(destination + "="))
        .map(line -> Path.of(line.substring(destination.length() + 1)))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException(container + " mounts nothing at " + destination));
  }

  String logs(String container) {
    ProcessResult r = podman(Duration.ofMinutes(1), "logs", container);
    return r.stdout() + r.stderr();
  }

  static boolean podExists(String pod) {
    return podman(Duration.ofMinutes(1), "pod", "exists", pod).exitCode() == 0;
  }

  /**
   * Loads this build's image from its tarball when there is one (the image store is shared with
   * other checkouts, which may hold an older build under the same tag), else takes the stored one.
   */
  static boolean imageAvailable(String image, Path tarball) {
    if (Files.exists(tarball)) {
      return podman(Duration.ofMinutes(2), "load", "-i", tarball.toString()).exitCode() == 0;
    }
    return podman(Duration.ofMinutes(1), "image", "exists", image).exitCode() == 0;
  }

  /** When a container started and finished, in nanoseconds since the epoch. */
  long[] startedAndFinished(String container) {
    ProcessResult r =
        podman(
            Duration.ofMinutes(1),
            "inspect",
            "--format",
            "{{.State.StartedAt.UnixNano}} {{.State.FinishedAt.UnixNano}}",
            container);
    if (r.exitCode() != 0) {
      throw new IllegalStateException("podman inspect " + container + ": " + r.stderr());
    }
    String[] parts = r.stdout().trim().split(" ");
    return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
  }

  @Override
  public void close() {
    podman(Duration.ofMinutes(2), "kube", "play", "--down", manifest.toString());
  }

  static ProcessResult podman(Duration timeout, String... args) {
    return PODMAN.command(timeout, args);
  }
}
