package dev.initkit.envrender;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Node's dotenv at a pinned version, installed with npm into {@code target/node-dotenv-<version>}
 * once per build directory (npm's registry must be reachable the first time).
 */
final class NodeDotenv {
  private NodeDotenv() {}

  /** The {@code node_modules} directory holding dotenv {@code version}. */
  static synchronized Path install(String version) throws Exception {
    Path prefix = Path.of("target", "node-dotenv-" + version).toAbsolutePath();
    Path modules = prefix.resolve("node_modules");
    if (Files.isRegularFile(modules.resolve("dotenv/package.json"))) {
      return modules;
    }
    String npm = ExternalTool.require("npm", "npm");
    Files.createDirectories(prefix);
    ExternalTool.Result result =
        ExternalTool.run(
            prefix,
            Map.of(),
            new byte[0],
            List.of(
                npm,
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                prefix.toString(),
                "dotenv@" + version),
            true);
    assertThat(result.exitCode())
        .as("npm install dotenv@%s failed: %s", version, result.stderr())
        .isZero();
    return modules;
  }
}
