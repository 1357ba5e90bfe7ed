package dev.initkit.common.testkit;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A tool module's image (its {@code target/jib-image.tar}) loaded into podman for one test class,
 * with the checks every image test starts from. Close it to remove the image.
 */
public final class ToolImage implements AutoCloseable {
  /** The group a test volume is given, as a Pod's {@code fsGroup}. */
  public static final int FS_GROUP = 4000;

  /** The uid of the main container that reads what the tool wrote: not the tool's 65532. */
  public static final int READER_UID = 1000;

  public static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

  private final Podman podman;
  private final String name;

  private ToolImage(Podman podman, String name) {
    this.podman = podman;
    this.name = name;
  }

  /** Loads the image the module's build wrote (the build runs Jib before the integration tests). */
  public static ToolImage loadFromBuild() {
    Podman podman = Podman.forProject();
    return new ToolImage(podman, podman.load(Path.of("target/jib-image.tar")));
  }

  public String name() {
    return name;
  }

  public Podman podman() {
    return podman;
  }

  /** A run of the tool as a kubelet runs an init container (see {@link Podman}). */
  public Podman.Container tool() {
    return podman.container(name);
  }

  /**
   * A main container of another uid reading the shared volume at {@code mountPath} with the host's
   * busybox (it links only glibc, which the image has): {@code reader(volume, "/volume", "cat",
   * "/volume/app.conf")}.
   */
  public ProcessResult read(Path volume, String mountPath, String... busyboxCommand) {
    return podman
        .container(name)
        .user(READER_UID, READER_UID)
        .groupAdd(FS_GROUP)
        .volume(volume, mountPath, true)
        .volume(Path.of("/bin/busybox"), "/busybox", true)
        .entrypoint("/busybox")
        .args(busyboxCommand)
        .run(RUN_TIMEOUT);
  }

  /** A volume the tool (uid 65532) writes and the reader reads through {@link #FS_GROUP}. */
  public static Path sharedVolume(Path parent) throws java.io.IOException {
    return Podman.sharedVolume(parent, "volume", FS_GROUP);
  }

  @Override
  public void close() {
    podman.removeImage(name);
  }
}
