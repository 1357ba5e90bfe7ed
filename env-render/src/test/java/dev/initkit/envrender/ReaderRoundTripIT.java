package dev.initkit.envrender;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initkit.common.testkit.ProjectPaths;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each format through the real program that reads it, on adversarial values: every value either
 * reads back exactly or is refused with its key named (exit 2, nothing written); never silently
 * different. The refused keys are pinned per format, so a format that starts refusing more (or
 * writing what its reader changes) fails here.
 *
 * <p>Not covered here: {@code podman run --env-file} for the docker format (no container engine set
 * up yet); the docker format's refusals are checked in EncoderTest.
 */
class ReaderRoundTripIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PEM =
      "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n"
          + "-----END PRIVATE KEY-----\n";

  @TempDir Path dir;

  private Map<String, String> values;

  @BeforeEach
  void adversarialValues() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("SINGLE_QUOTE", "it's");
    v.put("DOUBLE_QUOTE", "say \"hi\"");
    v.put("DOLLAR", "$HOME and $");
    v.put("BRACED", "${HOME}");
    v.put("DEFAULTED", "${X:-default}");
    v.put("BACKTICK", "`touch " + dir.resolve("pwned-backtick") + "`");
    v.put("COMMAND", "$(touch " + dir.resolve("pwned-command") + ")");
    v.put("HASH", "a # b");
    v.put("HASH_FIRST", "#start");
    v.put("BACKSLASH", "back\\slash");
    v.put("BACKSLASH_N", "not a \\n newline");
    v.put("TWO_BACKSLASHES", "c:\\\\share");
    v.put("TRAILING_BACKSLASH", "ends\\");
    v.put("EQUALS", "a=b=c");
    v.put("COLON", "host:5432");
    v.put("LEADING_SPACE", "  lead");
    v.put("TRAILING_SPACE", "trail  ");
    v.put("EMPTY", "");
    v.put("NEWLINE", "line1\nline2");
    v.put("CR", "cr\rmid");
    v.put("TRAILING_CR", "ends\r");
    v.put("CRLF", "dos\r\nline");
    v.put("TAB", "tab\there");
    v.put("UNICODE", "ünïcødé ✓ 日本 😀");
    v.put("LINE_SEPARATOR", "a\u2028b");
    v.put("PEM", PEM);
    v.put("BOTH_QUOTES", "both ' and \"");
    v.put("DOUBLE_DOLLAR", "$$");
    v.put("SHELL_WORDS", "!bang ~tilde *glob* ;true; |cat &");
    v.put("EXPORT", "export X=1");
    v.put("ONLY_QUOTE", "'");
    v.put("PERCENT", "%s %n");
    v.put("NUL", "a\0b");
    v.put("LONG", "x".repeat(70_000));
    values = v;
  }

  /** Renders each value alone; returns the keys refused, checking each refusal's contract. */
  private Set<String> refusedKeys(String format) throws IOException {
    Set<String> refused = new TreeSet<>();
    for (Map.Entry<String, String> entry : values.entrySet()) {
      Path input = dir.resolve("one.json");
      JSON.writeValue(input.toFile(), Map.of(entry.getKey(), entry.getValue()));
      Path out = dir.resolve("one-" + format);
      ToolResult result =
          ToolRun.of(new EnvRenderCommand())
              .args("--termination-log", dir.resolve("termination").toString())
              .args("--from-file", input.toString(), "--dest", out.toString(), "--format", format)
              .run();
      if (result.exitCode() == 0) {
        deleteTree(out);
        continue;
      }
      assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
      assertThat(result.stderr()).contains("cannot hold " + entry.getKey() + ": ");
      assertThat(out).doesNotExist();
      refused.add(entry.getKey());
    }
    return refused;
  }

  /** Renders every value the format holds into one output. */
  private Map<String, String> renderAccepted(String format, Path out, Set<String> refused)
      throws IOException {
    Map<String, String> accepted = new TreeMap<>(values);
    accepted.keySet().removeAll(refused);
    Path input = dir.resolve("all.json");
    JSON.writeValue(input.toFile(), accepted);
    ToolResult result =
        ToolRun.of(new EnvRenderCommand())
            .args("--from-file", input.toString(), "--dest", out.toString(), "--format", format)
            .run();
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    return accepted;
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "dash", "busybox"})
  void shellOutputReadsBackExactlyWhenSourced(String shell) throws Exception {
    String executable = ExternalTool.require(shell, shell);
    Set<String> refused = refusedKeys("shell");
    assertThat(refused).containsExactly("NUL");
    Path file = dir.resolve("vars.sh");
    Map<String, String> expected = renderAccepted("shell", file, refused);

    List<String> command = new ArrayList<>();
    command.add(executable);
    if (shell.equals("busybox")) {
      command.add("sh");
    }
    // What an entrypoint does, then the exported environment as the next program sees it.
    command.addAll(List.of("-c", "set -a; . \"$1\"; set +a; exec env -0", "sh", file.toString()));
    ExternalTool.Result result = ExternalTool.run(dir, Map.of(), new byte[0], command);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).isEmpty();
    Map<String, String> read = new TreeMap<>();
    for (String pair : result.out().split("\0")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && expected.containsKey(pair.substring(0, eq))) {
        read.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    assertThat(read).isEqualTo(expected);
    assertThat(dir.resolve("pwned-backtick")).doesNotExist();
    assertThat(dir.resolve("pwned-command")).doesNotExist();
  }

  @Test
  void propertiesOutputReadsBackExactlyInJavaPropertiesFromStreamAndReader() throws IOException {
    Set<String> refused = refusedKeys("properties");
    assertThat(refused).isEmpty();
    Path file = dir.resolve("app.properties");
    Map<String, String> expected = renderAccepted("properties", file, refused);

    Properties fromStream = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      fromStream.load(in);
    }
    Properties fromReader = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      fromReader.load(in);
    }

    assertThat(asMap(fromStream)).isEqualTo(expected);
    assertThat(asMap(fromReader)).isEqualTo(expected);
    assertThat(Files.readString(file, StandardCharsets.US_ASCII))
        .as("ASCII only")
        .doesNotContain("\uFFFD");
  }

  @Test
  void jsonOutputReadsBackExactlyInAJsonParser() throws IOException {
    Set<String> refused = refusedKeys("json");
    assertThat(refused).isEmpty();
    Path file = dir.resolve("vars.json");
    Map<String, String> expected = renderAccepted("json", file, refused);

    Map<String, String> read = JSON.readValue(file.toFile(), new TypeReference<>() {});

    assertThat(new TreeMap<>(read)).isEqualTo(expected);
  }

  @Test
  void filesOutputHoldsEachValueExactly() throws IOException {
    Set<String> refused = refusedKeys("files");
    assertThat(refused).isEmpty();
    Path out = dir.resolve("secret");
    Map<String, String> expected = renderAccepted("files", out, refused);

    Map<String, String> read = new TreeMap<>();
    for (String key : expected.keySet()) {
      read.put(key, new String(Files.readAllBytes(out.resolve(key)), StandardCharsets.UTF_8));
    }

    assertThat(read).isEqualTo(expected);
  }

  /** What the dotenv format must refuse: values the two readers would read differently. */
  private static final Set<String> DOTENV_REFUSED =
      Set.of("BRACED", "DEFAULTED", "TWO_BACKSLASHES", "TRAILING_BACKSLASH", "BOTH_QUOTES", "NUL");

  @Test
  void dotenvOutputReadsBackExactlyInPythonDotenv() throws Exception {
    String python = ExternalTool.require("/usr/bin/python3", "python3 python3-dotenv");
    Set<String> refused = refusedKeys("dotenv");
    assertThat(refused).containsExactlyInAnyOrderElementsOf(DOTENV_REFUSED);
    Path file = dir.resolve(".env");
    Map<String, String> expected = renderAccepted("dotenv", file, refused);

    ExternalTool.Result result =
        ExternalTool.run(
            dir,
            Map.of("HOME", "/home/reader"),
            new byte[0],
            List.of(
                python,
                "-c",
                "import json, sys\n"
                    + "from dotenv import dotenv_values\n"
                    + "sys.stdout.write(json.dumps(dotenv_values(sys.argv[1])))\n",
                file.toString()));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).as("python-dotenv warnings").isEmpty();
    Map<String, String> read = JSON.readValue(result.stdout(), new TypeReference<>() {});
    assertThat(new TreeMap<>(read)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"16.4.7", "18.0.10"})
  void dotenvOutputReadsBackExactlyInNodeDotenv(String version) throws Exception {
    String node = ExternalTool.require("node", "nodejs");
    Path modules = NodeDotenv.install(version);
    Set<String> refused = refusedKeys("dotenv");
    assertThat(refused).containsExactlyInAnyOrderElementsOf(DOTENV_REFUSED);
    Path file = dir.resolve(".env");
    Map<String, String> expected = renderAccepted("dotenv", file, refused);

    ExternalTool.Result result =
        ExternalTool.run(
            dir,
            Map.of("NODE_PATH", modules.toString()),
            new byte[0],
            List.of(
                node,
                "-e",
                "const fs = require('fs');"
                    + "process.stdout.write(JSON.stringify("
                    + "require('dotenv').parse(fs.readFileSync(process.argv[1]))))",
                file.toString()));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    Map<String, String> read = JSON.readValue(result.stdout(), new TypeReference<>() {});
    assertThat(new TreeMap<>(read)).isEqualTo(expected);
  }

  @Test
  void dockerOutputReadsBackExactlyInPodmanRunEnvFile() throws Exception {
    String podman = ExternalTool.require("podman", "podman runc");
    Path containersConf = ProjectPaths.root().resolve("config/podman/containers.conf");
    assertThat(containersConf).as("the project's podman settings").isRegularFile();
    Set<String> refused = refusedKeys("docker");
    assertThat(refused)
        .containsExactlyInAnyOrder("NEWLINE", "TRAILING_CR", "CRLF", "PEM", "NUL", "LONG");
    Path file = dir.resolve("vars.env");
    Map<String, String> expected = renderAccepted("docker", file, refused);
    Path rootfs = envOnlyRootFileSystem();

    ExternalTool.Result result =
        ExternalTool.run(
            dir,
            Map.of("CONTAINERS_CONF", containersConf.toString()),
            new byte[0],
            List.of(
                podman,
                "run",
                "--rm",
                "--network",
                "none",
                "--env-file",
                file.toString(),
                "--rootfs",
                rootfs.toString(),
                "/env",
                "-0"));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    Map<String, String> read = new TreeMap<>();
    for (String pair : result.out().split("\0")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && expected.containsKey(pair.substring(0, eq))) {
        read.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    assertThat(read).isEqualTo(expected);
  }

  /** A root file system with only /env (coreutils) and the libraries {@code ldd} names. */
  private Path envOnlyRootFileSystem() throws Exception {
    Path rootfs = Files.createDirectory(dir.resolve("rootfs"));
    String env = ExternalTool.require("env", "coreutils");
    Files.copy(Path.of(env), rootfs.resolve("env"));
    ExternalTool.Result ldd =
        ExternalTool.run(
            dir, Map.of(), new byte[0], List.of(ExternalTool.require("ldd", "libc-bin"), env));
    assertThat(ldd.exitCode()).as(ldd.stderr()).isZero();
    java.util.regex.Matcher libraries =
        java.util.regex.Pattern.compile("(/\\S+)").matcher(ldd.out());
    while (libraries.find()) {
      Path library = Path.of(libraries.group(1));
      Path target = rootfs.resolve(library.toString().substring(1));
      Files.createDirectories(target.getParent());
      Files.copy(library.toRealPath(), target);
    }
    return rootfs;
  }

  private static Map<String, String> asMap(Properties properties) {
    Map<String, String> map = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      map.put(name, properties.getProperty(name));
    }
    return map;
  }

  private static void deleteTree(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (var list = Files.list(path)) {
        for (Path child : list.toList()) {
          deleteTree(child);
        }
      }
    }
    Files.deleteIfExists(path);
  }
}
