package dev.initkit.k8sexamples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    try {
      Process process = new ProcessBuilder(command).start();
      CompletableFuture<String> out = readAll(process.getInputStream());
      CompletableFuture<String> err = readAll(process.getErrorStream());
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("kubectl kustomize did not finish in 60 s: " + dir);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "kubectl kustomize " + dir + " exited " + process.exitValue() + ": " + err.join());
      }
      return out.join();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "kubectl could not start: install kubectl (1.27 or later bundles kustomize 5)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<String> readAll(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
