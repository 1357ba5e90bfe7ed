package dev.initkit.envrender;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where variables come from, and which one wins. */
class SourcesTest {
  @TempDir Path dir;

  private ToolRun envRender() {
    return ToolRun.of(new EnvRenderCommand())
        .args("--termination-log", dir.resolve("termination").toString());
  }

  /** Renders to JSON and reads the variables back. */
  private Map<String, String> rendered(ToolRun run) throws IOException {
    Path out = dir.resolve("out.json");
    ToolResult result = run.args("--dest", out.toString(), "--format", "json").run();
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toFile());
    Map<String, String> vars = new TreeMap<>();
    json.fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
    return vars;
  }

  /** A directory laid out as the kubelet mounts a Secret: keys are links into ..data. */
  private Path kubernetesVolume(String name, Map<String, String> keys) throws IOException {
    Path volume = Files.createDirectory(dir.resolve(name));
    Path version = Files.createDirectory(volume.resolve("..2026_11_26_12_00_00.123456789"));
    for (Map.Entry<String, String> key : keys.entrySet()) {
      Files.writeString(version.resolve(key.getKey()), key.getValue());
      Files.createSymbolicLink(volume.resolve(key.getKey()), Path.of("..data", key.getKey()));
    }
    Files.createSymbolicLink(volume.resolve("..data"), version.getFileName());
    return volume;
  }

  @Test
  void processEnvironmentIsReadOnlyWhenNamedOrSelectedByPrefix() throws IOException {
    Map<String, String> vars =
        rendered(
            envRender()
                .env("PATH", "/usr/bin")
                .env("HOSTNAME", "pod-1")
                .env("KUBERNETES_SERVICE_HOST", "10.0.0.1")
                .env("APP_DB_HOST", "db")
                .env("APP_DB_PORT", "5432")
                .env("LOG_LEVEL", "debug")
                .args("--env-prefix", "APP_", "--env", "LOG_LEVEL,NOT_SET"));

    assertThat(vars)
        .containsExactly(
            Map.entry("APP_DB_HOST", "db"),
            Map.entry("APP_DB_PORT", "5432"),
            Map.entry("LOG_LEVEL", "debug"));
  }

  @Test
  void prefixIsStrippedOnRequest() throws IOException {
    Map<String, String> vars =
        rendered(
            envRender()
                .env("APP_DB_HOST", "db")
                .env("APPLE", "fruit")
                .args("--env-prefix", "APP_", "--strip-env-prefix"));

    assertThat(vars).containsExactly(Map.entry("DB_HOST", "db"));
  }

  @Test
  void precedenceIsFileThenDirectoryThenPrefixThenNamedThenSet() throws IOException {
    Path file =
        Files.writeString(dir.resolve("base.env"), "A=file\nB=file\nC=file\nD=file\nE=file\n");
    Path volume =
        kubernetesVolume("secret", Map.of("B", "dir", "C", "dir", "D", "dir", "E", "dir"));

    Map<String, String> vars =
        rendered(
            envRender()
                .env("P_C", "prefix")
                .env("P_D", "prefix")
                .env("P_E", "prefix")
                .env("D", "named")
                .env("E", "named")
                .args("--from-file", file.toString(), "--from-dir", volume.toString())
                .args(
                    "--env-prefix", "P_", "--strip-env-prefix", "--env", "D,E", "--set", "E=set"));

    assertThat(vars)
        .containsExactly(
            Map.entry("A", "file"),
            Map.entry("B", "dir"),
            Map.entry("C", "prefix"),
            Map.entry("D", "named"),
            Map.entry("E", "set"));
  }

  @Test
  void directoryFollowsKubernetesLinksSkipsHiddenEntriesAndKeepsExactContent() throws IOException {
    String pem = "-----BEGIN PRIVATE KEY-----\nMIIB\nVQIB\n-----END PRIVATE KEY-----\n";
    Path volume = kubernetesVolume("tls", Map.of("tls.key", pem, "user", "ada"));
    Files.writeString(volume.resolve(".hidden"), "no");
    Files.createDirectory(volume.resolve("sub"));

    Map<String, String> vars = rendered(envRender().args("--from-dir", volume.toString()));

    assertThat(vars).containsExactly(Map.entry("tls.key", pem), Map.entry("user", "ada"));
  }

  @Test
  void readsEnvPropertiesAndJsonFiles() throws IOException {
    Path env =
        Files.writeString(
            dir.resolve("a.env"),
            "# comment\n\nexport A='it'\\''s $X'\nB=\"two\\nlines \\\"q\\\"\" # note\n"
                + "C=raw value # kept \r\nD=\nE='multi\nline'\n");
    Path properties =
        Files.writeString(dir.resolve("b.properties"), "P=p\\u00fc\nQ : spaced value\n");
    Path json =
        Files.writeString(dir.resolve("c.json"), "{\"J\": \"j\", \"N\": 5432, \"T\": true}");

    Map<String, String> vars =
        rendered(
            envRender()
                .args("--from-file", env.toString())
                .args("--from-file", properties.toString())
                .args("--from-file", json.toString()));

    assertThat(vars)
        .containsExactly(
            Map.entry("A", "it's $X"),
            Map.entry("B", "two\nlines \"q\""),
            Map.entry("C", "raw value # kept"),
            Map.entry("D", ""),
            Map.entry("E", "multi\nline"),
            Map.entry("J", "j"),
            Map.entry("N", "5432"),
            Map.entry("P", "pü"),
            Map.entry("Q", "spaced value"),
            Map.entry("T", "true"));
  }

  @Test
  void fileVariablesResolveOnlyWhenAsked() throws IOException {
    Path password = Files.writeString(dir.resolve("password"), "s3cret\n\n");
    ToolRun base = envRender().args("--set", "DB_PASSWORD_FILE=" + password);

    assertThat(rendered(base)).containsExactly(Map.entry("DB_PASSWORD_FILE", password.toString()));
    assertThat(
            rendered(
                envRender().args("--set", "DB_PASSWORD_FILE=" + password, "--resolve-file-vars")))
        .containsExactly(Map.entry("DB_PASSWORD", "s3cret"));
  }

  @Test
  void bothKeyAndKeyFileIsAnErrorAndNothingIsWritten() throws IOException {
    Path password = Files.writeString(dir.resolve("password"), "s3cret");
    Path out = dir.resolve("out.env");

    ToolResult result =
        envRender()
            .args("--set", "DB_PASSWORD_FILE=" + password, "--set", "DB_PASSWORD=other")
            .args("--resolve-file-vars", "--dest", out.toString(), "--format", "shell")
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("both DB_PASSWORD and DB_PASSWORD_FILE are set");
    assertThat(result.stderr()).doesNotContain("s3cret").doesNotContain("other");
    assertThat(out).doesNotExist();
  }

  @Test
  void everySourceProblemIsListedAtOnce() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.env"), "A=1\nA=2\nno equals sign\nB='open\n");
    Path json = Files.writeString(dir.resolve("bad.json"), "{\"X\": {\"nested\": 1}}");
    Path out = dir.resolve("out.env");

    ToolResult result =
        envRender()
            .args("--from-file", bad.toString(), "--from-file", json.toString())
            .args("--from-file", dir.resolve("missing.env").toString())
            .args("--from-dir", dir.resolve("missing-dir").toString())
            .args("--set", "S=1", "--set", "S=2")
            .args("--dest", out.toString(), "--format", "shell")
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr())
        .contains("A is set twice in --from-file " + bad + " (line 2)")
        .contains("line 3: expected KEY=VALUE")
        .contains("line 4: unterminated quoted value")
        .contains("X in --from-file " + json + ": a value must be a string, number or boolean")
        .contains("missing.env: no such file")
        .contains("missing-dir: no such file")
        .contains("--set S is given twice")
        .contains("nothing written");
    assertThat(out).doesNotExist();
  }

  @Test
  void setValuesNeverAppearInTheStartUpLine() {
    ToolResult result =
        envRender()
            .args("--set", "TOKEN=hunter2-value", "--dest", dir.resolve("o").toString())
            .args("--format", "shell")
            .run();

    assertThat(result.exitCode()).isZero();
    assertThat(result.stderr()).contains("TOKEN=***").doesNotContain("hunter2-value");
  }

  @Test
  void optionsComeFromTheirVariablesOnePairPerLine() throws IOException {
    Map<String, String> vars =
        rendered(
            envRender()
                .env("ENV_RENDER_SET", "A=1\nB=two words")
                .env("ENV_RENDER_ENV", "HOME_DIR,SHELL_NAME")
                .env("HOME_DIR", "/home/ada")
                .env("SHELL_NAME", "sh"));

    assertThat(vars)
        .containsExactly(
            Map.entry("A", "1"),
            Map.entry("B", "two words"),
            Map.entry("HOME_DIR", "/home/ada"),
            Map.entry("SHELL_NAME", "sh"));
  }

  @Test
  void verboseLogNamesSourcesButNeverValues() throws IOException {
    Path file = Files.writeString(dir.resolve("base.env"), "A=value-from-file-1234\n");

    ToolResult result =
        envRender()
            .env("A", "value-from-env-5678")
            .args("-v", "--from-file", file.toString(), "--env", "A,MISSING")
            .args("--dest", dir.resolve("out.env").toString(), "--format", "shell")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr())
        .contains("A from --env replaced the one from --from-file " + file)
        .contains("--env MISSING is not set in the environment")
        .doesNotContain("value-from-file-1234")
        .doesNotContain("value-from-env-5678");
  }
}
