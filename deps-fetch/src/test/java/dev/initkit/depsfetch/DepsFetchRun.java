package dev.initkit.depsfetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initkit.common.testkit.JsonSchemas;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import dev.initkit.depsfetch.testrepo.RepositoryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs deps-fetch in process against a test repository, with fast retries. */
final class DepsFetchRun {
  private DepsFetchRun() {}

  /** deps-fetch resolving from {@code server} only, writing its termination message in dir. */
  static ToolRun against(RepositoryServer server, Path dir) {
    return ToolRun.of(new DepsFetchCommand())
        .args("--no-default-repositories", "--repository", "test=" + server.url())
        .args("--termination-log", dir.resolve("termination").toString())
        .args("--retry-initial", "10ms", "--retry-max-interval", "50ms")
        .env("DEPS_FETCH_TIMEOUT", "20s");
  }

  /** The report's artifacts as {@code coordinates -> file}, checked against the schema. */
  static List<String> reportedCoordinates(Path report) {
    JsonNode json = report(report);
    List<String> coordinates = new ArrayList<>();
    json.get("result")
        .get("artifacts")
        .forEach(a -> coordinates.add(a.get("coordinates").asText()));
    return coordinates;
  }

  static JsonNode report(Path report) {
    try {
      return JsonSchemas.assertValid(JsonSchemas.REPORT_V1, Files.readString(report));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the files in {@code dir}, sorted, hidden ones left out. */
  static List<String> files(Path dir) {
    try (var entries = Files.list(dir)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Everything beside {@code dest} in its parent but the destination lock, which stays on purpose
   * (common's publish): staging, old results and working repositories must be gone.
   */
  static List<String> besideDest(Path dest) {
    String lock = "." + dest.getFileName() + ".initkit-lock";
    try (var entries = Files.list(dest.getParent())) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(lock))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String describe(ToolResult result) {
    return "exit " + result.exitCode() + "\n" + result.stderr();
  }

  static ObjectMapper json() {
    return new ObjectMapper();
  }
}
