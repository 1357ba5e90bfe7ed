package dev.initkit.envrender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The declared schema: defaults, required variables, patterns, secrets, every problem at once. */
class SchemaTest {
  @TempDir Path dir;

  private static final String SCHEMA =
      """
      {
        "variables": {
          "DB_HOST": {"required": true, "description": "where the database runs"},
          "DB_PORT": {"default": "5432", "pattern": "[0-9]{1,5}"},
          "DB_PASSWORD": {"required": true, "secret": true, "pattern": "[a-z]+"},
          "OPTIONAL": {}
        },
        "additionalVariables": false
      }
      """;

  private ToolRun envRender() throws IOException {
    return ToolRun.of(new EnvRenderCommand())
        .args("--termination-log", dir.resolve("termination").toString())
        .args("--schema", Files.writeString(dir.resolve("schema.json"), SCHEMA).toString())
        .args("--dest", dir.resolve("vars.env").toString(), "--format", "shell");
  }

  @Test
  void defaultsFillWhatNoSourceSet() throws IOException {
    ToolResult result = envRender().args("--set", "DB_HOST=db", "--set", "DB_PASSWORD=abc").run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(dir.resolve("vars.env"))
        .hasContent("DB_HOST='db'\nDB_PASSWORD='abc'\nDB_PORT='5432'\n");
  }

  @Test
  void everyViolationIsReportedAtOnceWithoutSecretValues() throws IOException {
    ToolResult result =
        envRender()
            .args("--set", "DB_PORT=port-80", "--set", "DB_PASSWORD=Not-Matching-Secret")
            .args("--set", "EXTRA=1")
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr())
        .contains("DB_HOST is required but not set (where the database runs)")
        .contains("DB_PORT (from --set) does not match the pattern [0-9]{1,5}")
        .contains("DB_PASSWORD (from --set) does not match the pattern [a-z]+")
        .contains("EXTRA (from --set) is not declared in the schema")
        .doesNotContain("Not-Matching-Secret")
        .doesNotContain("port-80");
    assertThat(dir.resolve("vars.env")).doesNotExist();
  }

  @Test
  void secretValuesAreMaskedEvenWhenATemplateMessageWouldShowThem() throws IOException {
    Path tmpl = Files.writeString(dir.resolve("t.tmpl"), "${MISSING:?password is $DB_PASSWORD}");

    ToolResult result =
        envRender()
            .args("--set", "DB_HOST=db", "--set", "DB_PASSWORD=topsecret")
            .args("--template", tmpl + ":" + dir.resolve("t"))
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("MISSING: password is ***").doesNotContain("topsecret");
  }

  @Test
  void malformedSchemasAreReportedWhole() throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("bad.json"),
            """
            {"variables": {
              "A": {"required": true, "default": "x"},
              "B": {"pattern": "("},
              "C": {"secret": "yes", "colour": "red"},
              "A": {}
            }}
            """);

    ToolResult result =
        ToolRun.of(new EnvRenderCommand())
            .args("--schema", bad.toString(), "--set", "A=1")
            .args("--dest", dir.resolve("o").toString(), "--format", "json")
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("duplicate key \"A\" at line 5");

    Files.writeString(bad, Files.readString(bad).replace("\"A\": {}", "\"D\": {}"));
    result =
        ToolRun.of(new EnvRenderCommand())
            .args("--schema", bad.toString(), "--set", "A=1")
            .args("--dest", dir.resolve("o").toString(), "--format", "json")
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr())
        .contains("variable A: is both required and has a default")
        .contains("variable B: bad pattern")
        .contains("variable C: \\\"secret\\\" must be true or false".replace("\\\"", "\""))
        .contains("variable C: unknown field \"colour\"");
    assertThat(dir.resolve("o")).doesNotExist();
  }
}
