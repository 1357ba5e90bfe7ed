package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.depsfetch.testrepo.Fixtures;
import dev.initkit.depsfetch.testrepo.RepositoryServer;
import dev.initkit.depsfetch.testrepo.ServedAcmeRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as a child process, as a Pod runs it: killed in the middle of a download, and
 * two at once sharing one cache.
 */
class ChildProcessIT {
  private static final String BIG = "org.acme:big:1.0";
  private static final Path JAR = Path.of("target", "deps-fetch.jar");

  @TempDir Path dir;
  @RegisterExtension final ServedAcmeRepository served = new ServedAcmeRepository();

  @BeforeEach
  void publishMore() throws IOException {
    served.repository().jar(BIG).size(4 * 1024 * 1024).publish();
  }

  private Process start(Path dest, String... more) throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(List.of("java", "-Xmx64m", "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(
        List.of("--no-default-repositories", "--repository", "test=" + served.server().url()));
    command.addAll(
        List.of("--dest", dest.toString(), "--termination-log", dir.resolve("t").toString()));
    command.addAll(List.of(more));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("DEPS_FETCH_"));
    builder.redirectOutput(dir.resolve("child-" + dest.getFileName() + ".log").toFile());
    return builder.start();
  }

  private String log(Path dest) throws IOException {
    return Files.readString(dir.resolve("child-" + dest.getFileName() + ".log"));
  }

  @Test
  void killedMidDownloadLeavesNothingPartialAndTheNextRunSucceeds() throws Exception {
    Path dest = dir.resolve("volume/lib");
    served.server().stallMidFile(RepositoryServer.pathEndsWith("big-1.0.jar"));
    Process child = start(dest, BIG, Fixtures.APP);
    assertThat(served.server().awaitStalled(Duration.ofMinutes(1)))
        .as("the download started")
        .isTrue();

    child.destroyForcibly();
    assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();

    assertThat(dest).doesNotExist();
    ToolResult next =
        DepsFetchRun.against(served.server(), dir)
            .args(BIG, Fixtures.APP, "--dest", dest.toString())
            .run();
    assertThat(next.exitCode()).as(DepsFetchRun.describe(next)).isZero();
    assertThat(dest.resolve("big-1.0.jar"))
        .hasBinaryContent(served.repository().read(BIG, "", "jar"));
    assertThat(DepsFetchRun.besideDest(dest)).containsExactly("lib");
  }

  @Test
  void terminatedMidDownloadStopsPromptlyAndPlacesNothing() throws Exception {
    Path dest = dir.resolve("volume/lib");
    served.server().stallMidFile(RepositoryServer.pathEndsWith("big-1.0.jar"));
    Process child = start(dest, BIG, Fixtures.APP);
    assertThat(served.server().awaitStalled(Duration.ofMinutes(1)))
        .as("the download started")
        .isTrue();

    child.destroy(); // SIGTERM, as the kubelet sends it
    assertThat(child.waitFor(1, TimeUnit.MINUTES)).as("stopped within the grace").isTrue();

    assertThat(child.exitValue()).as(log(dest)).isNotZero();
    assertThat(dest).doesNotExist();
    ToolResult next =
        DepsFetchRun.against(served.server(), dir).args(BIG, "--dest", dest.toString()).run();
    assertThat(next.exitCode()).as(DepsFetchRun.describe(next)).isZero();
    assertThat(DepsFetchRun.besideDest(dest)).containsExactly("lib");
  }

  @Test
  void twoRunsAtOnceShareOneCache() throws Exception {
    Path cache = dir.resolve("cache");
    Path first = dir.resolve("volume/first");
    Path second = dir.resolve("volume/second");

    Process a = start(first, BIG, Fixtures.APP, "--cache", cache.toString());
    Process b = start(second, BIG, Fixtures.APP, "--cache", cache.toString());
    assertThat(a.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(b.waitFor(2, TimeUnit.MINUTES)).isTrue();

    assertThat(a.exitValue()).as(log(first)).isZero();
    assertThat(b.exitValue()).as(log(second)).isZero();
    assertThat(DepsFetchRun.files(first)).hasSize(12).isEqualTo(DepsFetchRun.files(second));
    for (String name : DepsFetchRun.files(first)) {
      assertThat(first.resolve(name)).hasSameBinaryContentAs(second.resolve(name));
    }
    assertThat(first.resolve("big-1.0.jar"))
        .hasBinaryContent(served.repository().read(BIG, "", "jar"));
  }
}
