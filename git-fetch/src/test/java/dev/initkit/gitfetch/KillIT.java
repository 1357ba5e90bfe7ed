package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.leftovers;
import static dev.initkit.gitfetch.GitFetchTesting.succeeds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real tool in a child JVM, killed while the pack is half received: the destination holds the
 * previous result or nothing, and the next run cleans up and succeeds.
 */
class KillIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int BLOB_SIZE = 2 * 1024 * 1024;

  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();

  @TempDir Path volume;
  @TempDir Path outside;

  /** Starts git-fetch in a child JVM with a home, an XDG config dir and a tmpdir of its own. */
  private Process start(String... args) throws Exception {
    return ChildGitFetch.start(outside, args);
  }

  private String childLog() throws Exception {
    return Files.readString(outside.resolve("child.log"), StandardCharsets.UTF_8);
  }

  private static TestRepository bigRepo(String name) {
    TestRepository repo = server.repo(name);
    repo.commit(
        "main",
        "one",
        TestRepository.tree().file("v", "1").randomFile("blob.bin", BLOB_SIZE, name.hashCode()));
    return repo;
  }

  private void killMidPack(Process child, boolean forcibly) throws Exception {
    assertThat(server.faults().awaitStalled(WAIT)).as("the child reached the pack").isTrue();
    if (forcibly) {
      child.destroyForcibly();
    } else {
      child.destroy();
    }
    assertThat(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    server.faults().reset();
  }

  @Test
  void sigkillMidCloneLeavesNothingAtTheDestinationAndTheNextRunCleansUp() throws Exception {
    TestRepository repo = bigRepo("killed");
    Path dest = volume.resolve("src");
    server.faults().stallPacks(256 * 1024);
    Process child = start("--repo", repo.url(), "--dest", dest.toString());

    killMidPack(child, true);

    assertThat(dest).doesNotExist();
    assertThat(leftovers(volume)).as("the staging of the killed run").isNotEmpty();

    succeeds(GitFetchTesting.gitFetch(outside, "--repo", repo.url(), "--dest", dest.toString()));

    assertThat(dest.resolve("blob.bin")).hasSize(BLOB_SIZE);
    assertThat(leftovers(volume)).isEmpty();
  }

  @Test
  void sigtermMidUpdateKeepsThePreviousCheckoutWhole() throws Exception {
    TestRepository repo = bigRepo("terminated");
    Path dest = volume.resolve("src");
    succeeds(GitFetchTesting.gitFetch(outside, "--repo", repo.url(), "--dest", dest.toString()));
    repo.commit(
        "main", "two", TestRepository.tree().file("v", "2").randomFile("blob.bin", BLOB_SIZE, 7));
    server.faults().stallPacks(256 * 1024);
    Process child = start("--repo", repo.url(), "--dest", dest.toString());

    killMidPack(child, false);

    assertThat(child.exitValue()).isNotZero();
    assertThat(dest.resolve("v")).hasContent("1");
    assertThat(dest.resolve("blob.bin")).hasSize(BLOB_SIZE);

    succeeds(GitFetchTesting.gitFetch(outside, "--repo", repo.url(), "--dest", dest.toString()));

    assertThat(dest.resolve("v")).hasContent("2");
    assertThat(leftovers(volume)).isEmpty();
  }

  @Test
  void sigtermDuringALiveTransferLeavesNothingHalfWritten() throws Exception {
    TestRepository repo = server.repo("trickle");
    TestRepository.Tree tree = TestRepository.tree();
    for (int i = 0; i < 400; i++) {
      tree.randomFile("f" + i + ".bin", 8 * 1024, i);
    }
    repo.commit("main", "many objects", tree);
    Path dest = volume.resolve("src");
    server.faults().throttlePacks(16 * 1024, Duration.ofMillis(20));
    Process child = start("--repo", repo.url(), "--dest", dest.toString());
    awaitPackArriving(child);

    child.destroy();

    assertThat(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isNotZero();
    // Stopped (usually: the transfer checks between objects), or finished within the grace:
    // either way the destination is absent or whole, never partial.
    if (Files.exists(dest)) {
      assertThat(dest.resolve("f399.bin")).as(childLog()).hasSize(8 * 1024);
    }
    server.faults().reset();

    succeeds(GitFetchTesting.gitFetch(outside, "--repo", repo.url(), "--dest", dest.toString()));

    assertThat(dest.resolve("f399.bin")).hasSize(8 * 1024);
    assertThat(leftovers(volume)).isEmpty();
  }

  /**
   * Polls until the child is receiving the pack: objects arrive in its staging directory, so the
   * transfer loop (which checks for cancellation between objects) is running.
   */
  private void awaitPackArriving(Process child) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (receivedBytes() < 256 * 1024) {
      assertThat(child.isAlive()).as("child still running: %s", childLog()).isTrue();
      assertThat(System.nanoTime()).as("child receives the pack").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  private long receivedBytes() throws IOException {
    long bytes = 0;
    for (String staging : leftovers(volume)) {
      Path packs = volume.resolve(staging).resolve(".git/objects/pack");
      if (!Files.isDirectory(packs)) {
        continue;
      }
      try (Stream<Path> files = Files.list(packs)) {
        for (Path file : files.toList()) {
          try {
            bytes += Files.size(file);
          } catch (NoSuchFileException renamedMeanwhile) {
            // The incoming pack was renamed to its final name: counted on the next poll.
          }
        }
      } catch (NoSuchFileException gone) {
        // The staging directory went away between listing and reading.
      }
    }
    return bytes;
  }

  @Test
  void aChildRunWritesNothingOutsideTheVolume() throws Exception {
    TestRepository repo = server.repo("hermetic");
    repo.commit("main", "one", TestRepository.tree().file("a", "a").executable("x", "x"));
    Path dest = volume.resolve("src");

    Process child = start("--repo", repo.url(), "--dest", dest.toString());

    assertThat(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(childLog()).isZero();
    assertThat(dest.resolve("a")).hasContent("a");
    assertThat(outside.resolve("home")).isEmptyDirectory();
    assertThat(outside.resolve("xdg")).isEmptyDirectory();
    assertThat(outside.resolve("no-tmp")).doesNotExist();
    assertThat(new File(volume.toFile(), "src").list()).contains(".git", "a", "x");
  }
}
