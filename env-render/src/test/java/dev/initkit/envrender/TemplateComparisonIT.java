package dev.initkit.envrender;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import dev.initkit.envrender.template.Template;
import dev.initkit.envrender.template.TemplateSyntax;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Templates against the programs they claim to match: GNU envsubst on the forms both support, and
 * POSIX sh parameter expansion on the forms only we support.
 */
class TemplateComparisonIT {
  @TempDir Path dir;

  private static Map<String, String> values() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("HOST", "db.internal");
    v.put("PORT", "5432");
    v.put("EMPTY", "");
    v.put("TRICKY", "$HOST ${PORT} `id` $(id) \\n 'q' \"dq\"");
    v.put("MULTI", "line1\nline2\n");
    v.put("UNI", "ünï ✓ 😀");
    v.put("_under9", "u");
    return v;
  }

  private String render(String template, Map<String, String> vars, String... extra)
      throws Exception {
    Path tmpl = Files.writeString(dir.resolve("t.tmpl"), template);
    Path input = dir.resolve("vars.json");
    new ObjectMapper().writeValue(input.toFile(), vars);
    Path out = dir.resolve("t.out");
    Files.deleteIfExists(out);
    ToolResult result =
        ToolRun.of(new EnvRenderCommand())
            .args("--from-file", input.toString(), "--template", tmpl + ":" + out)
            .args(extra)
            .run();
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    return Files.readString(out);
  }

  private String envsubst(String template, Map<String, String> vars, String... shellFormat)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ExternalTool.require("envsubst", "gettext-base"));
    command.addAll(List.of(shellFormat));
    ExternalTool.Result result =
        ExternalTool.run(dir, vars, template.getBytes(StandardCharsets.UTF_8), command);
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    return result.out();
  }

  @Test
  void plainReferencesRenderAsGnuEnvsubstRendersThem() throws Exception {
    String template =
        "host=$HOST port=${PORT}\n"
            + "url=postgres://$HOST:${PORT}/db?x=$EMPTY&y=${EMPTY}\n"
            + "tricky=$TRICKY|${TRICKY}\n"
            + "multi=${MULTI}end\n"
            + "uni=$UNI $_under9 ${_under9}x\n"
            + "not expansions: $1 $ $@ $- 5$ 100%\n"
            + "quotes '$HOST' \"$HOST\" \\$HOST\n";

    assertThat(render(template, values())).isEqualTo(envsubst(template, values()));
  }

  @Test
  void onlyMatchesEnvsubstGivenTheSameVariables() throws Exception {
    String nginx =
        "server {\n  listen ${PORT};\n  server_name $HOST;\n"
            + "  location / { proxy_set_header Host $host; set $p $PORT$request_uri; }\n"
            + "  return 200 '$$ ${remote_addr} ${HOST}';\n}\n";

    assertThat(render(nginx, values(), "--only", "HOST,PORT"))
        .isEqualTo(envsubst(nginx, values(), "$HOST $PORT"));
  }

  /** The forms envsubst does not have, each with the variable set, set but empty, and unset. */
  private static final List<String> POSIX_FORMS =
      List.of(
          "${V-dflt}",
          "${V:-dflt}",
          "${V+alt}",
          "${V:+alt}",
          "${V=asg}[$V]",
          "${V:=asg}[$V]",
          "${V?}",
          "${V:?}",
          "${V?msg}",
          "${V:?msg}",
          "${V:-${W:-inner}}",
          "${V:+${W}-x}",
          "${V-$W$W}",
          "a$${V}b",
          "${V:-{brace}}");

  @ParameterizedTest
  @ValueSource(strings = {"dash", "busybox", "bash"})
  void operatorFormsMatchPosixShellParameterExpansion(String shell) throws Exception {
    String executable = ExternalTool.require(shell, shell);
    List<String> mismatches = new ArrayList<>();
    for (String form : POSIX_FORMS) {
      for (String state : List.of("set", "empty", "unset")) {
        Map<String, String> vars = new HashMap<>();
        vars.put("W", "w");
        if (!state.equals("unset")) {
          vars.put("V", state.equals("set") ? "value" : "");
        }
        Template.Rendering ours = Template.parse("t", form, TemplateSyntax.strict()).render(vars);

        List<String> command = new ArrayList<>();
        command.add(executable);
        if (shell.equals("busybox")) {
          command.add("sh");
        }
        if (shell.equals("bash")) {
          command.add("--posix");
        }
        // $$ is the shell's process id: the shell's literal dollar is \$ in double quotes.
        String shellForm = form.replace("$$", "\\$");
        command.addAll(List.of("-c", "printf '%s' \"" + shellForm + "\""));
        ExternalTool.Result theirs = ExternalTool.run(dir, vars, new byte[0], command);

        boolean shellFailed = theirs.exitCode() != 0;
        String expected = shellFailed ? "<error>" : theirs.out();
        String actual = ours.ok() ? ours.text() : "<error>";
        if (!expected.equals(actual)) {
          mismatches.add(
              form + " with V " + state + ": sh gave " + expected + ", we gave " + actual);
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }
}
