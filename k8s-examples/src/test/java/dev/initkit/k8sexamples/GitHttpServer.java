package dev.initkit.k8sexamples;

import dev.initkit.common.testkit.ChildProcess;
import dev.initkit.common.testkit.ProcessResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Git over smart HTTP on a free loopback port: {@code support/git-http-server.py} ({@code git
 * http-backend} behind a small server, as {@code run-classic.sh} uses it) serving the bare
 * repositories the test makes with the git command line.
 */
final class GitHttpServer implements AutoCloseable {
  private static final Duration GIT_TIMEOUT = Duration.ofMinutes(1);

  private final Path root;
  private final Process process;
  private final int port;

  private GitHttpServer(Path root, Process process, int port) {
    this.root = root;
    this.process = process;
    this.port = port;
  }

  /** Serves ROOT/NAME.git as http://127.0.0.1:PORT/NAME.git. */
  static GitHttpServer serve(Path root) throws IOException {
    Files.createDirectories(root);
    Path script = Kustomize.moduleDir().resolve("support/git-http-server.py");
    Process process =
        new ProcessBuilder("python3", script.toString(), root.toString())
            // Its request log, to read when a clone fails; kept out of the build's output.
            .redirectError(root.resolve("server.log").toFile())
            .start();
    // The script prints its port on its first line; the deadline covers a script that hangs.
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first;
    try {
      first = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IOException("git-http-server.py printed no port", e);
    }
    if (first == null) {
      throw new IOException("git-http-server.py exited before printing its port");
    }
    return new GitHttpServer(root, process, Integer.parseInt(first.strip()));
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url(String name) {
    return "http://127.0.0.1:" + port + "/" + name + ".git";
  }

  /**
   * Makes the repository NAME: one commit of FILES (path to content; paths under {@code bin/} are
   * made executable) tagged TAG, then a later commit on {@code main} that the tag does not have.
   * Returns the tagged commit's id.
   */
  String createTagged(String name, Map<String, String> files, String tag) throws IOException {
    Path work = root.resolve(name + "-work");
    git(root, "init", "-q", "-b", "main", work.toString());
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = work.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
      if (file.getKey().startsWith("bin/")) {
        path.toFile().setExecutable(true, false);
      }
    }
    git(work, "add", "-A");
    git(work, "commit", "-q", "-m", name + " " + tag);
    git(work, "tag", tag);
    String tagged = git(work, "rev-parse", "HEAD").strip();
    Files.writeString(work.resolve("UNRELEASED.md"), "after " + tag + "\n");
    git(work, "add", "-A");
    git(work, "commit", "-q", "-m", "work after " + tag);
    git(root, "clone", "-q", "--bare", work.toString(), root.resolve(name + ".git").toString());
    return tagged;
  }

  private static String git(Path dir, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-C",
                dir.toString(),
                "-c",
                "user.name=initkit",
                "-c",
                "user.email=initkit@example.org"));
    command.addAll(List.of(args));
    ProcessResult result = ChildProcess.run(command, Map.of(), GIT_TIMEOUT);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          command + " exited " + result.exitCode() + ": " + result.stderr());
    }
    return result.stdout();
  }

  @Override
  public void close() {
    process.destroy();
  }
}
