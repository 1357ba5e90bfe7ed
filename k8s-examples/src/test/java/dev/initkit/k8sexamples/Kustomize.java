package dev.initkit.k8sexamples;

import dev.initkit.common.testkit.ChildProcess;
import dev.initkit.common.testkit.ProcessResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Builds kustomizations with the kustomize that kubectl bundles ({@code kubectl kustomize}). */
final class Kustomize {
  private Kustomize() {}

  /** The module's directory: the examples live beside {@code src/}. */
  static Path moduleDir() {
    Path dir = Path.of("").toAbsolutePath();
    if (Files.isDirectory(dir.resolve("classic"))) {
      return dir;
    }
    return dir.resolve("k8s-examples");
  }

  /** Every directory of the module holding a kustomization.yaml that is not a Component. */
  static List<Path> kustomizations() throws IOException {
    Path module = moduleDir();
    try (Stream<Path> files = Files.walk(module)) {
      return files
          .filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
          .filter(p -> !module.relativize(p).startsWith("src"))
          .filter(p -> !module.relativize(p).startsWith("target"))
          .map(Path::getParent)
          .sorted()
          .toList();
    }
  }

  /** The directories of the module's Kustomize components ({@code kind: Component}). */
  static List<Path> components() throws IOException {
    List<Path> components = new ArrayList<>();
    for (Path dir : kustomizations()) {
      if (Files.readString(dir.resolve("kustomization.yaml")).contains("\nkind: Component")) {
        components.add(dir);
      }
    }
    return components;
  }

  /** {@code kubectl kustomize DIR}: the YAML stream it prints; fails on a non-zero exit. */
  static String build(Path dir, String... extraArgs) {
    List<String> command = new ArrayList<>(List.of("kubectl", "kustomize"));
    command.addAll(List.of(extraArgs));
    command.add(dir.toString());
    ProcessResult result;
    try {
      result = ChildProcess.run(command, Map.of(), Duration.ofSeconds(60));
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException(
          "kubectl could not start: install kubectl (1.27 or later bundles kustomize 5)",
          e.getCause());
    }
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          "kubectl kustomize " + dir + " exited " + result.exitCode() + ": " + result.stderr());
    }
    return result.stdout();
  }
}
