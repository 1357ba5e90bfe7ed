package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.cli.SecretFiles;
import dev.initkit.common.log.Log;
import dev.initkit.common.log.LogFormat;
import dev.initkit.common.log.LogSettings;
import dev.initkit.common.log.ProgressReporter;
import dev.initkit.common.log.ProgressUnit;
import dev.initkit.common.log.Redactor;
import dev.initkit.common.publish.DestinationType;
import dev.initkit.common.units.Durations;
import dev.initkit.depsfetch.resolver.MavenResolution;
import dev.initkit.depsfetch.testrepo.Fixtures;
import dev.initkit.depsfetch.testrepo.ServedAcmeRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A {@code --dest} that is a mount point cannot be renamed: common's publisher replaces its entries
 * and writes the completion marker last. A test cannot mount a volume, so it forces the mode the
 * tool detects (another device than the parent's) on a plain directory, through the service, as
 * git-fetch's MountPointIT does.
 */
class MountPointIT {
  private static final String MARKER = ".initkit-complete";

  @TempDir Path dir;
  @RegisterExtension final ServedAcmeRepository served = new ServedAcmeRepository();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  private FetchResult fetch(Path mountPoint, String... artifacts) throws Exception {
    DepsFetchCommand command = new DepsFetchCommand();
    new CommandLine(command)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .registerConverter(Duration.class, Durations::parse)
        .parseArgs(
            Stream.concat(
                    Stream.of(
                        "--no-default-repositories",
                        "--repository",
                        "test=" + served.server().url(),
                        "--dest",
                        mountPoint.toString(),
                        "--timeout",
                        "20s"),
                    Stream.of(artifacts))
                .toArray(String[]::new));
    Redactor redactor = new Redactor();
    FetchOptions options = command.options(new SecretFiles(redactor), redactor::register, Map.of());
    Log log =
        new Log(
            LogSettings.of("deps-fetch", LogFormat.TEXT, false, false),
            new PrintStream(stderr, true, StandardCharsets.UTF_8),
            redactor,
            Clock.systemUTC());
    try (MavenResolution resolution = new MavenResolution()) {
      return new ArtifactFetcher(
              resolution,
              new StagingPublisher(DestinationType.MOUNT_POINT),
              log,
              task ->
                  new ProgressReporter(
                      log, task, 0, ProgressUnit.BYTES, false, Duration.ofSeconds(5)))
          .fetch(options);
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void entriesReplaceWhatWasThereAndTheMarkerComesLast() throws Exception {
    Path mountPoint = Files.createDirectories(dir.resolve("mnt"));
    Files.writeString(mountPoint.resolve("foreign"), "not ours");
    Object inode = Files.getAttribute(mountPoint, "unix:ino");

    FetchResult result = fetch(mountPoint, Fixtures.APP);

    assertThat(result.alreadyInPlace()).as(stderr.toString()).isFalse();
    assertThat(result.artifacts()).hasSize(11);
    assertThat(DepsFetchRun.files(mountPoint)).hasSize(11).contains("app-1.0.jar");
    assertThat(mountPoint.resolve("foreign")).doesNotExist();
    assertThat(Files.getAttribute(mountPoint, "unix:ino")).as("not renamed").isEqualTo(inode);
    assertThat(mountPoint.resolve(MARKER)).isRegularFile();
    assertThat(names(mountPoint))
        .as("no staging, no working served.repository() left")
        .noneMatch(n -> n.contains("staging") || n.contains("repository"));
    assertThat(mountPoint.getParent().resolve("mnt")).isDirectory();
  }

  @Test
  void aMarkedResultIsVerifiedWithoutDownloadingAndAChangedOneIsReplaced() throws Exception {
    Path mountPoint = Files.createDirectories(dir.resolve("mnt"));
    fetch(mountPoint, Fixtures.APP);
    served.server().clearRequests();

    FetchResult again = fetch(mountPoint, Fixtures.APP);

    assertThat(again.alreadyInPlace()).isTrue();
    assertThat(served.server().requests()).isEmpty();

    FetchResult changed = fetch(mountPoint, "org.acme:quiet:1.0");

    assertThat(changed.alreadyInPlace()).isFalse();
    assertThat(DepsFetchRun.files(mountPoint)).containsExactly("quiet-1.0.jar");
    assertThat(mountPoint.resolve(MARKER)).isRegularFile();
  }

  @Test
  void entriesWithoutTheMarkerAreNotTrustedAndAreFetchedAgain() throws Exception {
    Path mountPoint = Files.createDirectories(dir.resolve("mnt"));
    fetch(mountPoint, Fixtures.APP);
    // What a kill in the middle of the swap leaves: entries (here all of them), no marker yet.
    Files.delete(mountPoint.resolve(MARKER));
    served.server().clearRequests();

    FetchResult again = fetch(mountPoint, Fixtures.APP);

    assertThat(again.alreadyInPlace()).isFalse();
    assertThat(served.server().artifactDownloads()).isNotEmpty();
    assertThat(mountPoint.resolve(MARKER)).isRegularFile();
    assertThat(DepsFetchRun.files(mountPoint)).hasSize(11);
  }
}
