package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad option value: exit 2, one clear line naming the option, and nothing written. */
class BadOptionsTest {
  private static final String SECRET = "hunter2-secret";

  @TempDir Path dir;

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad("no artifact given", "--dest", "{dest}"),
        bad("is not G:A[:E[:C]]:V", "foo", "--dest", "{dest}"),
        bad("is not G:A[:E[:C]]:V", "org.acme:app", "--dest", "{dest}"),
        bad("is not G:A[:E[:C]]:V", "a:b:c:d:e:f", "--dest", "{dest}"),
        bad("empty or blank part", "org.acme::1.0", "--dest", "{dest}"),
        bad("unbalanced version range", "org.acme:app:[1.0,2.0", "--dest", "{dest}"),
        bad("--artifact: ", "--artifact", "nope", "--dest", "{dest}"),
        bad("--dest is required", "org.acme:app:1.0"),
        bad("--exclude", "org.acme:app:1.0", "--exclude", "justone", "--dest", "{dest}"),
        bad("not part of one", "org.acme:app:1.0", "--exclude", "org.*:x", "--dest", "{dest}"),
        bad("--scope", "org.acme:app:1.0", "--scope", "test", "--dest", "{dest}"),
        bad("--layout", "org.acme:app:1.0", "--layout", "tree", "--dest", "{dest}"),
        bad("--threads", "org.acme:app:1.0", "--threads", "0", "--dest", "{dest}"),
        bad("--threads", "org.acme:app:1.0", "--threads", "many", "--dest", "{dest}"),
        bad("--timeout", "org.acme:app:1.0", "--timeout", "5 parsecs", "--dest", "{dest}"),
        bad("is not ID=URL", "org.acme:app:1.0", "--repository", "http://x/", "--dest", "{dest}"),
        bad(
            "not an http, https or file URL",
            "org.acme:app:1.0",
            "--repository",
            "a=ftp://x/",
            "--dest",
            "{dest}"),
        bad(
            "put no credentials in the URL",
            "org.acme:app:1.0",
            "--repository",
            "a=https://me:" + SECRET + "@repo.example/",
            "--dest",
            "{dest}"),
        bad(
            "is given twice",
            "org.acme:app:1.0",
            "--repository",
            "a=http://x/",
            "--repository",
            "a=http://y/",
            "--dest",
            "{dest}"),
        bad(
            "must be letters",
            "org.acme:app:1.0",
            "--repository",
            "a b=http://x/",
            "--dest",
            "{dest}"),
        bad("--mirror", "org.acme:app:1.0", "--mirror", "not a url", "--dest", "{dest}"),
        bad(
            "no repository to resolve from",
            "org.acme:app:1.0",
            "--no-default-repositories",
            "--dest",
            "{dest}"),
        bad(
            "which is not in use",
            "org.acme:app:1.0",
            "--repository-username",
            "nope=me",
            "--dest",
            "{dest}"),
        bad(
            "needs --repository-username",
            "org.acme:app:1.0",
            "--repository-password-file",
            "central={secret}",
            "--dest",
            "{dest}"),
        bad(
            "both a user name and a token",
            "org.acme:app:1.0",
            "--repository-username",
            "central=me",
            "--repository-token-file",
            "central={secret}",
            "--dest",
            "{dest}"),
        bad(
            "cannot read --repository-token-file",
            "org.acme:app:1.0",
            "--repository-token-file",
            "central={dir}/missing",
            "--dest",
            "{dest}"),
        bad(
            "needs --repository-token-file",
            "org.acme:app:1.0",
            "--repository-token-header",
            "central=X-Token",
            "--dest",
            "{dest}"),
        bad(
            "--write-lock-file needs --lock-file",
            "org.acme:app:1.0",
            "--write-lock-file",
            "--dest",
            "{dest}"),
        bad("--offline needs --cache", "org.acme:app:1.0", "--offline", "--dest", "{dest}"),
        bad(
            "--strip-version applies to --layout flat",
            "org.acme:app:1.0",
            "--strip-version",
            "--layout",
            "repository",
            "--dest",
            "{dest}"),
        bad("is not a directory", "org.acme:app:1.0", "--dest", "{secret}"),
        bad(
            "must not contain each other",
            "org.acme:app:1.0",
            "--cache",
            "{dest}/cache",
            "--dest",
            "{dest}"),
        bad(
            "cannot read --artifacts-file",
            "--artifacts-file",
            "{dir}/missing.txt",
            "--dest",
            "{dest}"),
        bad(
            "--lock-file",
            "org.acme:app:1.0",
            "--lock-file",
            "{dir}/missing.lock",
            "--dest",
            "{dest}"),
        bad("--checksums", "org.acme:app:1.0", "--checksums", "sha256,crc32", "--dest", "{dest}"),
        bad(
            "names an algorithm twice",
            "org.acme:app:1.0",
            "--checksums",
            "sha1,sha1",
            "--dest",
            "{dest}"),
        bad(
            "--classpath-prefix needs --classpath-file",
            "org.acme:app:1.0",
            "--classpath-prefix",
            "/app",
            "--dest",
            "{dest}"),
        bad(
            "must be outside --dest",
            "org.acme:app:1.0",
            "--classpath-file",
            "{dest}/cp",
            "--dest",
            "{dest}"),
        bad(
            "--classpath-format",
            "org.acme:app:1.0",
            "--classpath-file",
            "{dir}/cp",
            "--classpath-format",
            "json",
            "--dest",
            "{dest}"),
        bad(
            "without ':'",
            "org.acme:app:1.0",
            "--classpath-file",
            "{dir}/cp",
            "--classpath-prefix",
            "/a:/b",
            "--dest",
            "{dest}"),
        bad(
            "--unpack applies to --layout flat",
            "org.acme:app:1.0",
            "--unpack",
            "--layout",
            "repository",
            "--dest",
            "{dest}"),
        bad("Unknown option", "org.acme:app:1.0", "--destination", "{dest}"));
  }

  private static Arguments bad(String expected, String... args) {
    return Arguments.of(expected, List.of(args));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badValues")
  void badValueExitsTwoAndWritesNothing(String expected, List<String> args) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret"), SECRET);
    Path dest = dir.resolve("volume/lib");
    Path report = dir.resolve("report.json");
    List<String> expanded = new ArrayList<>();
    for (String arg : args) {
      expanded.add(
          arg.replace("{dest}", dest.toString())
              .replace("{secret}", secret.toString())
              .replace("{dir}", dir.toString()));
    }
    expanded.addAll(List.of("--report", report.toString()));

    ToolResult result =
        ToolRun.of(new DepsFetchCommand())
            .args("--termination-log", dir.resolve("termination").toString())
            .args(expanded.toArray(String[]::new))
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
    assertThat(result.stderr()).contains(expected).doesNotContain(SECRET);
    assertThat(result.stderrLines()).hasSizeLessThanOrEqualTo(2);
    assertThat(dir.resolve("volume")).doesNotExist();
    assertThat(report).doesNotExist();
  }

  @Test
  void badValueFromEnvironmentNamesTheVariable() {
    ToolResult result =
        ToolRun.of(new DepsFetchCommand())
            .env("DEPS_FETCH_THREADS", "lots")
            .args("org.acme:app:1.0", "--dest", dir.resolve("lib").toString())
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("DEPS_FETCH_THREADS");
  }

  @Test
  void unknownVariableExitsTwoAndSuggestsTheRightOne() {
    ToolResult result =
        ToolRun.of(new DepsFetchCommand())
            .env("DEPS_FETCH_DESTT", dir.resolve("lib").toString())
            .args("org.acme:app:1.0")
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("did you mean DEPS_FETCH_DEST?");
  }
}
