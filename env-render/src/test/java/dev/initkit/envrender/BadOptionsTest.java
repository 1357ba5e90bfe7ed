package dev.initkit.envrender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad option value or combination: one clear line, exit 2, nothing written. */
class BadOptionsTest {
  @TempDir Path dir;

  static Stream<Arguments> badOptions() {
    return Stream.of(
        Arguments.of(new String[] {}, "nothing to render"),
        Arguments.of(new String[] {"--dest", "@out/x"}, "--dest needs --format"),
        Arguments.of(new String[] {"--format", "shell"}, "--format needs --dest"),
        Arguments.of(
            new String[] {"--dest", "@out/x", "--format", "yaml"},
            "Invalid value for option '--format'"),
        Arguments.of(
            new String[] {"--dest", "@out/x", "--format", "json", "--mode", "999"}, "--mode 999"),
        Arguments.of(
            new String[] {"--dest", "@out/x", "--format", "json", "--mode", "0440"},
            "owner read and write"),
        Arguments.of(
            new String[] {"--dest", "@out/x", "--format", "json", "--mode", "u=rw"}, "--mode u=rw"),
        Arguments.of(
            new String[] {"--dest", "@out/x", "--format", "json", "--set", "=v"},
            "expected KEY=VALUE"),
        Arguments.of(
            new String[] {"--dest", "@out/x", "--format", "json", "--set", "novalue"},
            "expected KEY=VALUE"),
        Arguments.of(
            new String[] {"--dest", "@out/x", "--format", "json", "--strip-env-prefix"},
            "--strip-env-prefix needs --env-prefix"),
        Arguments.of(
            new String[] {"--dest", "@out/x", "--format", "json", "--env-prefix", ""},
            "--env-prefix ''"),
        Arguments.of(
            new String[] {"--dest", "@out/x", "--format", "json", "--only", "A"},
            "--only applies to templates"),
        Arguments.of(
            new String[] {"--dest", "@out/x", "--format", "json", "--keep-unknown"},
            "--keep-unknown applies to templates"),
        Arguments.of(new String[] {"--template", "@t.tmpl"}, "has no :DEST"),
        Arguments.of(new String[] {"--template", "@t.tmpl:"}, "expected SRC or SRC:DEST"),
        Arguments.of(
            new String[] {"--template", "@t.tmpl:@out/t", "--only", "1A"},
            "--only 1A: not a variable name"),
        Arguments.of(new String[] {"--template-dir", "@."}, "--template-dir needs --output-dir"),
        Arguments.of(new String[] {"--output-dir", "@out"}, "--output-dir needs --template"),
        Arguments.of(
            new String[] {"--template", "@t.tmpl:@out/t", "--template", "@t.tmpl:@out/t"},
            "destination of two outputs"),
        Arguments.of(new String[] {"--template", "@t.tmpl:@t.tmpl"}, "would overwrite itself"),
        Arguments.of(new String[] {"--template", "@missing.tmpl:@out/t"}, "cannot read template"),
        Arguments.of(
            new String[] {"--schema", "@missing.json", "--dest", "@out/x", "--format", "json"},
            "cannot read --schema"),
        Arguments.of(
            new String[] {"--dest", "@out/x", "--format", "json", "--bogus"},
            "Unknown option: '--bogus'"));
  }

  @ParameterizedTest
  @MethodSource("badOptions")
  void badOptionExitsTwoAndWritesNothing(String[] args, String message) throws IOException {
    Files.writeString(dir.resolve("t.tmpl"), "$A");
    String[] resolved = Stream.of(args).map(a -> a.replace("@", dir + "/")).toArray(String[]::new);

    ToolResult result =
        ToolRun.of(new EnvRenderCommand())
            .args("--termination-log", dir.resolve("termination").toString())
            .args("--set", "A=1")
            .args(resolved)
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderrLines())
        .hasSize(result.stderr().contains("started env-render") ? 2 : 1);
    assertThat(result.stderr()).contains(message);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void badValueFromAVariableNamesTheVariable() {
    ToolResult result =
        ToolRun.of(new EnvRenderCommand())
            .env("ENV_RENDER_FORMAT", "yaml")
            .env("ENV_RENDER_DEST", dir.resolve("out/x").toString())
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("ENV_RENDER_FORMAT");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
