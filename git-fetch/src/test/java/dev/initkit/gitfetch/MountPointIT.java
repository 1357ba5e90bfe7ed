package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.log.Log;
import dev.initkit.common.log.LogFormat;
import dev.initkit.common.log.LogSettings;
import dev.initkit.common.log.ProgressReporter;
import dev.initkit.common.log.ProgressUnit;
import dev.initkit.common.log.Redactor;
import dev.initkit.common.publish.DestinationType;
import dev.initkit.common.publish.ShutdownGuard;
import dev.initkit.common.retry.Retrier;
import dev.initkit.common.retry.RetryPolicy;
import dev.initkit.gitfetch.content.ContentSelection;
import dev.initkit.gitfetch.jgit.JGitClient;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --dest} that is a mount point cannot be renamed: common's publisher replaces its entries
 * and writes the completion marker last. A test cannot mount a volume, so it forces the mode that
 * the tool detects (another device than the parent's) on a plain directory, through the service.
 */
class MountPointIT {
  private static final String MARKER = ".initkit-complete";

  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();

  @TempDir Path volume;

  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  private FetchResult fetch(TestRepository repo, Path mountPoint, boolean keepGitDir)
      throws Exception {
    Log log =
        new Log(
            LogSettings.of("git-fetch", LogFormat.TEXT, false, false),
            new PrintStream(stderr, true, StandardCharsets.UTF_8),
            new Redactor(),
            Clock.systemUTC());
    JGitClient client = new JGitClient();
    Retrier retrier =
        Retrier.create(
            RetryPolicy.of(Duration.ofSeconds(30), Duration.ofMillis(50), Duration.ofSeconds(1)),
            client.classifier());
    ProgressSource progress =
        (task, total) ->
            new ProgressReporter(
                log, task, total, ProgressUnit.ITEMS, false, Duration.ofSeconds(5));
    FetchOptions options =
        new FetchOptions(
            RedactedUrl.parse(repo.url()),
            GitRef.parse("main"),
            1,
            new Destination.Direct(mountPoint, DestinationType.MOUNT_POINT),
            keepGitDir,
            false,
            GitCredentials.NONE,
            Optional.empty(),
            SshSettings.NONE,
            false,
            ContentSelection.DEFAULT,
            SignaturePolicy.NONE);
    try (ShutdownGuard guard = ShutdownGuard.open()) {
      return new RepositoryFetcher(client, guard, retrier, log, progress, Clock.systemUTC())
          .fetch(options);
    }
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void entriesReplaceWhatWasThereAndTheMarkerComesLast() throws Exception {
    TestRepository repo = server.repo("mounted");
    String commit =
        repo.commit("main", "one", TestRepository.tree().file("a", "1").executable("run.sh", "x"));
    Path mountPoint = Files.createDirectories(volume.resolve("mnt"));
    Files.writeString(mountPoint.resolve("foreign"), "not ours");
    Object inode = Files.getAttribute(mountPoint, "unix:ino");

    FetchResult result = fetch(repo, mountPoint, true);

    assertThat(result.action()).as(stderr.toString()).isEqualTo(FetchResult.Action.CLONED);
    assertThat(mountPoint.resolve("a")).hasContent("1");
    assertThat(mountPoint.resolve("foreign")).doesNotExist();
    assertThat(Files.getAttribute(mountPoint, "unix:ino")).as("not renamed").isEqualTo(inode);
    assertThat(Files.readString(mountPoint.resolve(MARKER))).contains(commit);
    assertThat(names(mountPoint))
        .noneMatch(n -> n.contains("initkit-staging"))
        .contains(".git", "a", "run.sh", MARKER);
    assertThat(Files.isExecutable(mountPoint.resolve("run.sh"))).isTrue();
    assertThat(result.files()).as("the lock and the marker are not the checkout's").isEqualTo(2);
    assertThat(git(mountPoint, "status", "--porcelain")).isEmpty();
    assertThat(git(mountPoint, "rev-parse", "HEAD")).isEqualTo(commit);
  }

  @Test
  void aMarkedCheckoutIsVerifiedAndAMovedBranchReplacesIt() throws Exception {
    TestRepository repo = server.repo("remounted");
    repo.commit("main", "one", TestRepository.tree().file("a", "1").file("old-only", "x"));
    Path mountPoint = Files.createDirectories(volume.resolve("mnt"));
    fetch(repo, mountPoint, true);
    int packs = server.faults().packRequests();

    FetchResult again = fetch(repo, mountPoint, true);

    assertThat(again.action()).isEqualTo(FetchResult.Action.VERIFIED);
    assertThat(server.faults().packRequests()).isEqualTo(packs);

    String second = repo.commit("main", "two", TestRepository.tree().file("a", "2"));
    FetchResult updated = fetch(repo, mountPoint, true);

    assertThat(updated.action()).isEqualTo(FetchResult.Action.UPDATED);
    assertThat(mountPoint.resolve("a")).hasContent("2");
    assertThat(mountPoint.resolve("old-only")).doesNotExist();
    assertThat(git(mountPoint, "rev-parse", "HEAD")).isEqualTo(second);
  }

  @Test
  void entriesWithoutTheMarkerAreNotTrustedAndAreFetchedAgain() throws Exception {
    TestRepository repo = server.repo("halfmounted");
    repo.commit("main", "one", TestRepository.tree().file("a", "1"));
    Path mountPoint = Files.createDirectories(volume.resolve("mnt"));
    fetch(repo, mountPoint, false);
    // What a kill in the middle of the swap leaves: entries, but no marker yet.
    Files.delete(mountPoint.resolve(MARKER));
    Files.writeString(mountPoint.resolve("a"), "half");
    int packs = server.faults().packRequests();

    FetchResult again = fetch(repo, mountPoint, false);

    assertThat(again.action()).isEqualTo(FetchResult.Action.CLONED);
    assertThat(server.faults().packRequests()).isGreaterThan(packs);
    assertThat(mountPoint.resolve("a")).hasContent("1");
    assertThat(mountPoint.resolve(MARKER)).exists();
    assertThat(mountPoint.resolve(".git")).doesNotExist();
  }
}
