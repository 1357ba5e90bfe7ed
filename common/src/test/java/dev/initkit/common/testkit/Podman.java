package dev.initkit.common.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs containers in a real podman as a kubelet would: read-only root with no writable /tmp, a
 * numeric non-root user, supplementary groups standing in for {@code fsGroup}, host network for
 * loopback servers, nothing inherited from the test's environment.
 */
public final class Podman {
  private static final Pattern LOADED = Pattern.compile("Loaded image(?:\\(s\\))?: (\\S+)");

  private final Path containersConf;

  private Podman(Path containersConf) {
    this.containersConf = containersConf;
  }

  /** Podman configured with the project's containers.conf (see README, "Images"). */
  public static Podman forProject() {
    return new Podman(ProjectPaths.root().resolve("config/podman/containers.conf"));
  }

  /** Loads a docker-archive tarball (Jib's jib-image.tar) and returns the image's name. */
  public String load(Path tarball) {
    ProcessResult result = command(Duration.ofMinutes(2), "load", "-i", tarball.toString());
    if (result.exitCode() != 0) {
      throw new IllegalStateException("podman load failed: " + result.stderr());
    }
    Matcher m = LOADED.matcher(result.stdout() + result.stderr());
    if (!m.find()) {
      throw new IllegalStateException("podman load named no image: " + result.stdout());
    }
    return m.group(1);
  }

  public void removeImage(String image) {
    command(Duration.ofMinutes(1), "rmi", "-f", image);
  }

  public Container container(String image) {
    return new Container(image);
  }

  /** One {@code podman run}, built up and then run to completion. */
  public final class Container {
    private final String image;
    private String user = "65532:65532";
    private final List<String> groups = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> volumes = new ArrayList<>();
    private String entrypoint;
    private String name;
    private final List<String> args = new ArrayList<>();

    private Container(String image) {
      this.image = image;
    }

    public Container user(int uid, int gid) {
      this.user = uid + ":" + gid;
      return this;
    }

    /** A supplementary group, as Kubernetes adds the Pod's {@code fsGroup}. */
    public Container groupAdd(int gid) {
      groups.add(Integer.toString(gid));
      return this;
    }

    public Container env(String name, String value) {
      env.put(name, value);
      return this;
    }

    public Container volume(Path host, String containerPath, boolean readOnly) {
      volumes.add(host.toAbsolutePath() + ":" + containerPath + (readOnly ? ":ro" : ""));
      return this;
    }

    public Container entrypoint(String path) {
      this.entrypoint = path;
      return this;
    }

    public Container args(String... more) {
      args.addAll(List.of(more));
      return this;
    }

    /** A name, so a test can see the container running ({@link Podman#isRunning}). */
    public Container name(String containerName) {
      this.name = containerName;
      return this;
    }

    /** Runs in the background, for tests that change the world while the tool waits. */
    public CompletableFuture<ProcessResult> start(Duration timeout) {
      return CompletableFuture.supplyAsync(() -> run(timeout));
    }

    public ProcessResult run(Duration timeout) {
      List<String> command = new ArrayList<>();
      command.addAll(
          List.of("run", "--rm", "--network", "host", "--read-only", "--read-only-tmpfs=false"));
      command.addAll(List.of("--user", user));
      for (String group : groups) {
        command.addAll(List.of("--group-add", group));
      }
      for (String volume : volumes) {
        command.addAll(List.of("--volume", volume));
      }
      env.forEach((k, v) -> command.addAll(List.of("--env", k + "=" + v)));
      if (entrypoint != null) {
        command.addAll(List.of("--entrypoint", entrypoint));
      }
      if (name != null) {
        command.addAll(List.of("--name", name));
      }
      command.add(image);
      command.addAll(args);
      return command(timeout, command.toArray(String[]::new));
    }
  }

  /** Whether a container of that name is running now. */
  public boolean isRunning(String containerName) {
    ProcessResult result =
        command(
            Duration.ofSeconds(30),
            "ps",
            "--filter",
            "name=^" + containerName + "$",
            "--filter",
            "status=running",
            "--format",
            "{{.Names}}");
    return result.stdout().lines().anyMatch(containerName::equals);
  }

  /** Any podman command, with the project's containers.conf: {@code command(t, "pod", "ps")}. */
  public ProcessResult command(Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add("podman");
    command.addAll(List.of(args));
    try {
      return ChildProcess.run(
          command, Map.of("CONTAINERS_CONF", containersConf.toString()), timeout);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException(
          "podman could not start (bash scripts/setup.sh)", e.getCause());
    }
  }

  /** A directory the tool's container (uid 65532) and a reader of another uid share via a group. */
  public static Path sharedVolume(Path parent, String name, int fsGroup) throws IOException {
    Path dir = Files.createDirectories(parent.resolve(name));
    // Like a kubelet applying fsGroup: group-owned, setgid so new files inherit the group.
    Files.setAttribute(dir, "unix:gid", fsGroup);
    Files.setAttribute(dir, "unix:mode", 02775);
    return dir;
  }
}
