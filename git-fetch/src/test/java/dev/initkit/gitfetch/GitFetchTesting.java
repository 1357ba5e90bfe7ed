package dev.initkit.gitfetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import dev.initkit.common.units.DataSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Helpers shared by git-fetch's tests. */
final class GitFetchTesting {
  private GitFetchTesting() {}

  /** git-fetch in process, its termination message going into {@code volume}. */
  static ToolRun gitFetch(Path volume, String... args) {
    return ToolRun.of(new GitFetchCommand())
        .args("--termination-log", volume.resolve("termination-log").toString())
        .args(args);
  }

  /** Runs git-fetch and asserts it succeeded, showing its log if not. */
  static ToolResult succeeds(ToolRun run) {
    ToolResult result = run.run();
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    return result;
  }

  /**
   * What the "cloned ... (N files, S)" line says when the checkout's own counts (kept as it wrote)
   * agree with a walk of what {@code dest} holds.
   */
  static String countedByWalk(Path dest) throws IOException {
    TreeStats stats = TreeStats.of(dest);
    return String.format(
        Locale.ROOT, "(%,d files, %s)", stats.files(), DataSize.ofBytes(stats.bytes()).format());
  }

  /**
   * Runs the git CLI in {@code workTree} and returns its trimmed output; fails on a non-zero exit.
   */
  static String git(Path workTree, String... args) throws Exception {
    String[] command = new String[args.length + 3];
    command[0] = "git";
    command[1] = "-C";
    command[2] = workTree.toString();
    System.arraycopy(args, 0, command, 3, args.length);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
    return out.strip();
  }

  /** Every path under {@code root} (not following symlinks), relative, sorted. */
  static List<String> tree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.map(p -> root.relativize(p).toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Entries of {@code dir} that a killed or failed run could have left: staging and old dirs. */
  static List<String> leftovers(Path dir) {
    try (Stream<Path> paths = Files.list(dir)) {
      return paths
          .map(p -> p.getFileName().toString())
          .filter(n -> n.contains("initkit-staging") || n.contains("initkit-old"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files under {@code root} whose bytes contain {@code secret}. */
  static List<String> filesContaining(Path root, String secret) {
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(p -> contains(read(p), needle))
          .map(Path::toString)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
