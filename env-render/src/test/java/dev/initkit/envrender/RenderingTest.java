package dev.initkit.envrender;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.initkit.common.testkit.JsonSchemas;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates and env files end to end: what is written, with which mode, and when nothing is. */
class RenderingTest {
  @TempDir Path dir;

  private ToolRun envRender() {
    return ToolRun.of(new EnvRenderCommand())
        .args("--termination-log", dir.resolve("termination").toString());
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  /** The entries a reader sees; asserts that no staging or moved-aside result is left. */
  private long entries(Path path) throws IOException {
    try (Stream<Path> list = Files.list(path)) {
      List<String> names = list.map(p -> p.getFileName().toString()).toList();
      assertThat(names).noneMatch(n -> n.contains("initkit-staging") || n.contains("initkit-old"));
      return names.stream().filter(n -> !n.startsWith(".")).count();
    }
  }

  @Test
  void rendersTemplatesIntoTheOutputDirWithoutTheTmplSuffix() throws IOException {
    Path tmpl = write("in/app.conf.tmpl", "host=$DB_HOST port=${DB_PORT:-5432} cost=$$5\n");
    Path out = dir.resolve("out");

    ToolResult result =
        envRender()
            .args("--set", "DB_HOST=db", "--template", tmpl.toString())
            .args("--output-dir", out.toString())
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(out.resolve("app.conf")).hasContent("host=db port=5432 cost=$5\n");
    assertThat(mode(out.resolve("app.conf"))).isEqualTo("rw-r-----");
  }

  @Test
  void templateDirRendersEveryVisibleTemplateKeepingSubdirectories() throws IOException {
    write("tmpl/a.tmpl", "a=$X");
    write("tmpl/conf.d/b.conf", "b=${X}");
    write("tmpl/.hidden", "$UNDEFINED");
    Path out = dir.resolve("out");

    ToolResult result =
        envRender()
            .args("--set", "X=1", "--template-dir", dir.resolve("tmpl").toString())
            .args("--output-dir", out.toString())
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(out.resolve("a")).hasContent("a=1");
    assertThat(out.resolve("conf.d/b.conf")).hasContent("b=1");
    assertThat(out.resolve(".hidden")).doesNotExist();
  }

  @Test
  void anOutputDirInsideTheTemplateDirIsNeverReadAsTemplates() throws IOException {
    write("conf/app.tmpl", "x=$X");
    Path out = dir.resolve("conf/out");
    String[] args = {
      "--set",
      "X=1",
      "--template-dir",
      dir.resolve("conf").toString(),
      "--output-dir",
      out.toString()
    };

    assertThat(envRender().args(args).run().exitCode()).isZero();
    ToolResult again = envRender().args(args).run();

    assertThat(again.exitCode()).as(again.stderr()).isZero();
    assertThat(out.resolve("app")).hasContent("x=1");
    assertThat(out.resolve("out")).doesNotExist();
  }

  @Test
  void undefinedVariablesAreAllListedAndNothingIsWritten() throws IOException {
    Path one = write("one.tmpl", "$A $B\n${C}");
    Path two = write("two.tmpl", "${A} ${D:?needs D} ${E:-fine}");
    Path out = dir.resolve("out");

    ToolResult result =
        envRender()
            .args(
                "--template",
                one + ":" + out.resolve("one"),
                "--template",
                two + ":" + out.resolve("two"))
            .args("--dest", out.resolve("vars.env").toString(), "--format", "shell")
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr())
        .contains(
            "undefined variables A ("
                + one
                + ":1:1, "
                + two
                + ":1:1), B ("
                + one
                + ":1:4), C ("
                + one
                + ":2:1)")
        .contains("D: needs D (" + two + ":1:6)")
        .contains("nothing written");
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("termination")).content().contains("undefined variables A");
  }

  @Test
  void keepUnknownAndOnlyLeaveForeignDollarSyntaxAlone() throws IOException {
    Path nginx =
        write("nginx.conf.tmpl", "listen ${PORT};\nproxy_set_header Host $host;\nset $x $$;\n");
    Path script = write("run.sh.tmpl", "echo \"${HOME:-/root} $1 $#\" $PORT\n");
    Path out = dir.resolve("out");

    ToolResult only =
        envRender()
            .args(
                "--set",
                "PORT=8080",
                "--only",
                "PORT",
                "--template",
                nginx + ":" + out.resolve("nginx.conf"))
            .run();
    ToolResult keep =
        envRender()
            .args(
                "--set",
                "PORT=8080",
                "--keep-unknown",
                "--template",
                script + ":" + out.resolve("run.sh"))
            .run();

    assertThat(only.exitCode()).as(only.stderr()).isZero();
    assertThat(out.resolve("nginx.conf"))
        .hasContent("listen 8080;\nproxy_set_header Host $host;\nset $x $$;\n");
    assertThat(keep.exitCode()).as(keep.stderr()).isZero();
    assertThat(out.resolve("run.sh")).hasContent("echo \"${HOME:-/root} $1 $#\" 8080\n");
  }

  @Test
  void modeIsSetBeforeWritingAndCanBeChanged() throws IOException {
    Path env = dir.resolve("vars.env");

    ToolResult result =
        envRender()
            .args("--set", "A=1", "--dest", env.toString(), "--format", "shell", "--mode", "0600")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(mode(env)).isEqualTo("rw-------");
    assertThat(env).hasContent("A='1'\n");
  }

  @Test
  void unchangedOutputsAreLeftUntouchedMtimeIncluded() throws IOException {
    Path tmpl = write("t.tmpl", "x=$X\n");
    Path env = dir.resolve("out/vars.env");
    Path conf = dir.resolve("out/t");
    Path files = dir.resolve("out/files");
    String[] args = {
      "--set",
      "X=1",
      "--template",
      tmpl.toString(),
      "--output-dir",
      dir.resolve("out").toString(),
      "--dest",
      env.toString(),
      "--format",
      "shell"
    };
    assertThat(envRender().args(args).run().exitCode()).isZero();
    assertThat(
            envRender()
                .args("--set", "X=1", "--dest", files.toString(), "--format", "files")
                .run()
                .exitCode())
        .isZero();
    FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    for (Path p : new Path[] {env, conf, files.resolve("X")}) {
      Files.setLastModifiedTime(p, past);
    }
    Path report = dir.resolve("report.json");

    ToolResult again = envRender().args(args).args("--report", report.toString()).run();
    ToolResult filesAgain =
        envRender().args("--set", "X=1", "--dest", files.toString(), "--format", "files").run();

    assertThat(again.exitCode()).isZero();
    assertThat(filesAgain.exitCode()).isZero();
    assertThat(Files.getLastModifiedTime(env)).isEqualTo(past);
    assertThat(Files.getLastModifiedTime(conf)).isEqualTo(past);
    assertThat(Files.getLastModifiedTime(files.resolve("X"))).isEqualTo(past);
    assertThat(again.stderr()).contains("left " + env + " unchanged");
    JsonNode json = JsonSchemas.assertValid(JsonSchemas.REPORT_V1, Files.readString(report));
    assertThat(json.at("/result/unchanged").asInt()).isEqualTo(2);
    assertThat(entries(dir.resolve("out"))).isEqualTo(3); // no staging left behind
  }

  @Test
  void changedValuesReplaceTheFileAtomically() throws IOException {
    Path env = dir.resolve("vars.env");
    assertThat(
            envRender()
                .args("--set", "A=1", "--dest", env.toString(), "--format", "docker")
                .run()
                .exitCode())
        .isZero();

    ToolResult result =
        envRender().args("--set", "A=2", "--dest", env.toString(), "--format", "docker").run();

    assertThat(result.exitCode()).isZero();
    assertThat(env).hasContent("A=2\n");
    assertThat(entries(dir)).isEqualTo(1);
  }

  @Test
  void filesFormatWritesOneFilePerKeyAndReplacesTheDirectoryWhole() throws IOException {
    Path out = dir.resolve("secrets");
    assertThat(
            envRender()
                .args(
                    "--set", "A=1", "--set", "OLD=x", "--dest", out.toString(), "--format", "files")
                .run()
                .exitCode())
        .isZero();

    ToolResult result =
        envRender()
            .args("--set", "A=2", "--set", "B=3", "--dest", out.toString(), "--format", "files")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(out.resolve("A")).hasContent("2");
    assertThat(out.resolve("B")).hasContent("3");
    assertThat(out.resolve("OLD")).doesNotExist();
    assertThat(mode(out.resolve("A"))).isEqualTo("rw-r-----");
    assertThat(mode(out)).isEqualTo("rwxr-x---");
    assertThat(entries(dir)).as("no staging left").isEqualTo(1);
  }

  @Test
  void staleStagingFromAKilledRunIsRemoved() throws IOException {
    Path stale = write(".vars.env.initkit-staging-0123456789abcdef", "half");
    Path env = dir.resolve("vars.env");

    ToolResult result =
        envRender().args("--set", "A=1", "--dest", env.toString(), "--format", "json").run();

    assertThat(result.exitCode()).isZero();
    assertThat(stale).doesNotExist();
  }

  @Test
  void unrepresentableValuesAreRefusedByKeyAndNeverShown() throws IOException {
    Path env = dir.resolve("vars.env");

    ToolResult result =
        envRender()
            .args(
                "--from-file",
                write("in.json", "{\"PEM\": \"line1\\nline2-secret\", \"OK\": \"x\"}").toString())
            .args("--dest", env.toString(), "--format", "docker")
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr())
        .contains("--format docker cannot hold PEM: the value holds a newline");
    assertThat(result.stderr()).doesNotContain("line2-secret");
    assertThat(env).doesNotExist();
  }

  @Test
  void reportNamesFilesAndVariablesButNoValues() throws IOException {
    Path report = dir.resolve("report.json");
    Path tmpl = write("t.tmpl", "$A");

    ToolResult result =
        envRender()
            .args("--set", "A=value-one", "--set", "B=value-two", "--report", report.toString())
            .args("--template", tmpl + ":" + dir.resolve("t.out"))
            .args("--dest", dir.resolve("vars.env").toString(), "--format", "dotenv")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    String text = Files.readString(report);
    JsonNode json = JsonSchemas.assertValid(JsonSchemas.REPORT_V1, text);
    assertThat(text).doesNotContain("value-one").doesNotContain("value-two");
    assertThat(json.at("/result/outputs/0/format").asText()).isEqualTo("dotenv");
    assertThat(json.at("/result/outputs/0/variables").toString()).isEqualTo("[\"A\",\"B\"]");
    assertThat(json.at("/result/outputs/1/variables").toString()).isEqualTo("[\"A\"]");
    assertThat(json.at("/result/outputs/1/status").asText()).isEqualTo("written");
  }
}
