package dev.initkit.gitfetch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** git-fetch as a real process, for tests that send it signals. */
final class ChildGitFetch {
  private ChildGitFetch() {}

  /**
   * Starts git-fetch in a child JVM with a home, an XDG config dir and a tmpdir of its own under
   * {@code outside}; both outputs go to {@code outside/child.log}.
   */
  static Process start(Path outside, String... args) throws Exception {
    Path home = Files.createDirectories(outside.resolve("home"));
    Path xdg = Files.createDirectories(outside.resolve("xdg"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Duser.home=" + home);
    // A tmpdir that does not exist: any temporary file outside the volume fails the run.
    command.add("-Djava.io.tmpdir=" + outside.resolve("no-tmp"));
    command.add(GitFetchCommand.class.getName());
    command.addAll(List.of(args));
    command.add("--termination-log");
    command.add(outside.resolve("termination-log").toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(outside.resolve("child.log").toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("GIT_"));
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", xdg.toString());
    env.put("LANG", "C.UTF-8");
    return builder.start();
  }
}
