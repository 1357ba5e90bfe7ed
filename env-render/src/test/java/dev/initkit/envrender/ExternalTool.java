package dev.initkit.envrender;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real reader (bash, python3, node, envsubst) as a child process, with a clean environment.
 * A reader that is not installed fails the test with what to install: these tests never skip.
 */
final class ExternalTool {
  /** What a child process printed and returned. */
  record Result(int exitCode, byte[] stdout, String stderr) {
    String out() {
      return new String(stdout, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private ExternalTool() {}

  /** The executable's absolute path; fails the test, naming the Debian package, when absent. */
  static String require(String executable, String debianPackage) {
    if (executable.startsWith("/")) {
      assertThat(Path.of(executable))
          .as("%s is needed by this test: apt-get install -y %s", executable, debianPackage)
          .isExecutable();
      return executable;
    }
    for (String dir : List.of("/usr/local/bin", "/usr/bin", "/bin")) {
      Path candidate = Path.of(dir, executable);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError(
        executable + " is needed by this test: apt-get install -y " + debianPackage);
  }

  /** Runs {@code command} in {@code dir} with only {@code env}, feeding {@code stdin}. */
  static Result run(Path dir, Map<String, String> env, byte[] stdin, List<String> command)
      throws IOException, InterruptedException {
    return run(dir, env, stdin, command, false);
  }

  /**
   * Runs {@code command}; with {@code inheritEnvironment} (installers that need the user's proxy
   * and certificate settings) on top of this process's environment, else with only {@code env}.
   */
  static Result run(
      Path dir,
      Map<String, String> env,
      byte[] stdin,
      List<String> command,
      boolean inheritEnvironment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
    if (!inheritEnvironment) {
      builder.environment().clear();
      builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
      builder.environment().put("LANG", "C.UTF-8");
    }
    builder.environment().putAll(env);
    Process process = builder.start();
    CompletableFuture<byte[]> out = readAll(process.getInputStream());
    CompletableFuture<byte[]> err = readAll(process.getErrorStream());
    process.getOutputStream().write(stdin);
    process.getOutputStream().close();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish within 180 s");
    }
    return new Result(
        process.exitValue(),
        out.join(),
        new String(err.join(), java.nio.charset.StandardCharsets.UTF_8));
  }

  private static CompletableFuture<byte[]> readAll(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (InputStream stream = in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            stream.transferTo(bytes);
            return bytes.toByteArray();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }
}
