package dev.initkit.gitfetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad option value and combination: exit 2 with one line that names the problem, and nothing
 * written in the volume. No server is needed: all of these are found before any work.
 */
class BadOptionsTest {
  private static final String REPO = "https://git.example.org/team/app.git";

  @TempDir Path volume;
  @TempDir Path outside;

  static Stream<Arguments> badInputs() {
    return Stream.of(
        bad("no --repo", "--repo is required", "--dest", "{v}/src"),
        bad("empty --repo", "--repo", "--repo", "", "--dest", "{v}/src"),
        bad("ftp URL", "not a repository URL", "--repo", "ftp://host/x.git", "--dest", "{v}/src"),
        bad(
            "ssh without known hosts",
            "--ssh-known-hosts-file",
            "--repo",
            "git@github.com:org/app.git",
            "--dest",
            "{v}/s"),
        bad(
            "ssh URL with password",
            "no password",
            "--repo",
            "ssh://git:pw@host/app.git",
            "--dest",
            "{v}/s"),
        bad(
            "ssh options for https",
            "--ssh-*",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--ssh-insecure-ignore-host-key"),
        bad(
            "both host key options",
            "contradict",
            "--repo",
            "ssh://git@host/app.git",
            "--dest",
            "{v}/s",
            "--ssh-known-hosts-file",
            "{o}/password",
            "--ssh-insecure-ignore-host-key"),
        bad(
            "passphrase without key",
            "needs --ssh-key-file",
            "--repo",
            "ssh://git@host/app.git",
            "--dest",
            "{v}/s",
            "--ssh-known-hosts-file",
            "{o}/password",
            "--ssh-key-passphrase-file",
            "{o}/password"),
        bad(
            "missing key file",
            "cannot read",
            "--repo",
            "ssh://git@host/app.git",
            "--dest",
            "{v}/s",
            "--ssh-known-hosts-file",
            "{o}/password",
            "--ssh-key-file",
            "{o}/absent"),
        bad("git URL", "git://", "--repo", "git://host/app.git", "--dest", "{v}/s"),
        bad("URL without host", "no host", "--repo", "https:///x.git", "--dest", "{v}/s"),
        bad("not a URL", "--repo", "--repo", "https://exa mple.org/x", "--dest", "{v}/s"),
        bad("ref with ..", "--ref", "--repo", REPO, "--ref", "a..b", "--dest", "{v}/s"),
        bad("ref with space", "--ref", "--repo", REPO, "--ref", "a b", "--dest", "{v}/s"),
        bad("ref starting -", "--ref", "--repo", REPO, "--ref", "-rf", "--dest", "{v}/s"),
        bad("ref ending .lock", "--ref", "--repo", REPO, "--ref", "x.lock", "--dest", "{v}/s"),
        bad("ref with ~", "--ref", "--repo", REPO, "--ref", "main~1", "--dest", "{v}/s"),
        bad("negative depth", "--depth", "--repo", REPO, "--depth", "-1", "--dest", "{v}/s"),
        bad("depth not a number", "--depth", "--repo", REPO, "--depth", "one", "--dest", "{v}/s"),
        bad("no destination", "--dest DIR, or --root DIR", "--repo", REPO),
        bad(
            "dest and root",
            "cannot be combined",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--root",
            "{v}/r",
            "--link",
            "cur"),
        bad("root without link", "go together", "--repo", REPO, "--root", "{v}/r"),
        bad("link without root", "go together", "--repo", REPO, "--link", "cur"),
        bad("link with slash", "--link", "--repo", REPO, "--root", "{v}/r", "--link", "a/b"),
        bad("hidden link", "--link", "--repo", REPO, "--root", "{v}/r", "--link", ".cur"),
        bad("link ..", "--link", "--repo", REPO, "--root", "{v}/r", "--link", ".."),
        bad("dest is /", "root directory", "--repo", REPO, "--dest", "/"),
        bad(
            "password without user",
            "needs --username",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--password",
            "p4ss"),
        bad(
            "password twice",
            "both given",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--username",
            "u",
            "--password",
            "p4ss",
            "--password-file",
            "{o}/password"),
        bad(
            "missing password file",
            "--password-file",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--username",
            "u",
            "--password-file",
            "{o}/absent"),
        bad(
            "bearer with user",
            "cannot be combined",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--username",
            "u",
            "--bearer-token",
            "t0k"),
        bad(
            "token twice",
            "both given",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--bearer-token",
            "t0k",
            "--bearer-token-file",
            "{o}/password"),
        bad(
            "credentials for file://",
            "file://",
            "--repo",
            "file:///srv/repo.git",
            "--dest",
            "{v}/s",
            "--bearer-token",
            "t0k"),
        bad(
            "bad timeout",
            "--timeout",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--timeout",
            "5 parsecs"),
        bad(
            "zero retry interval",
            "--retry-initial",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--retry-initial",
            "0s"),
        bad(
            "ca file not PEM",
            "--ca-file",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--ca-file",
            "{o}/password"),
        bad(
            "missing ca file",
            "--ca-file",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--ca-file",
            "{o}/x"),
        bad(
            "ca file for http",
            "--ca-file",
            "--repo",
            "http://git.example.org/x.git",
            "--dest",
            "{v}/s",
            "--ca-file",
            "{o}/password"),
        bad(
            "bad log format",
            "--log-format",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--log-format",
            "xml"),
        bad("unknown flag", "--branch", "--repo", REPO, "--dest", "{v}/s", "--branch", "main"),
        // content: --submodules and --sparse
        bad(
            "bad submodules mode",
            "--submodules",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--submodules",
            "deep"),
        bad("empty sparse path", "--sparse", "--repo", REPO, "--dest", "{v}/s", "--sparse", "/"),
        bad(
            "sparse path climbing out",
            "--sparse: '../etc'",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--sparse",
            "../etc"),
        bad(
            "sparse path with a dot segment",
            "--sparse",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--sparse",
            "docs/./api"),
        // git-fetch trust: signatures, cookie file and .netrc
        bad(
            "signature without keys",
            "--require-signature needs",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--require-signature"),
        bad(
            "trusted keys without --require-signature",
            "--require-signature",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--trusted-keys",
            "{o}/password"),
        bad(
            "trusted keys not OpenPGP",
            "--trusted-keys",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--require-signature",
            "--trusted-keys",
            "{o}/password"),
        bad(
            "missing trusted keys",
            "--trusted-keys",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--require-signature",
            "--trusted-keys",
            "{o}/absent"),
        bad(
            "allowed signers not in the format",
            "--allowed-signers: line 1",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--require-signature",
            "--allowed-signers",
            "{o}/password"),
        bad(
            "missing allowed signers",
            "--allowed-signers",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--require-signature",
            "--allowed-signers",
            "{o}/absent"),
        bad(
            "cookie file not in the format",
            "--cookie-file: line 1",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--cookie-file",
            "{o}/password"),
        bad(
            "missing cookie file",
            "--cookie-file",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--cookie-file",
            "{o}/absent"),
        bad(
            "netrc not in the format",
            "--netrc-file: line 1",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--netrc-file",
            "{o}/password"),
        bad(
            "netrc for ssh",
            "--netrc-file",
            "--repo",
            "ssh://git@host/app.git",
            "--dest",
            "{v}/s",
            "--ssh-insecure-ignore-host-key",
            "--netrc-file",
            "{o}/password"),
        // Sync mode (--period and its options).
        bad(
            "period with dest",
            "symlink layout",
            "--repo",
            REPO,
            "--dest",
            "{v}/s",
            "--period",
            "30s"),
        syncBad("negative period", "--period", "--period", "-5s"),
        syncBad("period not a duration", "--period", "--period", "often"),
        syncBad("bind without port", "--http-bind", "--http-bind", "localhost"),
        syncBad("bind port too big", "--http-bind", "--http-bind", ":70000"),
        syncBad("bind port not a number", "--http-bind", "--http-bind", ":http"),
        syncBad("bind IPv6 without brackets", "in brackets", "--http-bind", "::1:8080"),
        syncBad("max failures below -1", "--max-failures", "--max-failures", "-2"),
        syncBad("webhook not http", "--webhook-url", "--webhook-url", "ftp://hooks/x"),
        syncBad("webhook with user info", "user info", "--webhook-url", "http://u:p@hooks/x"),
        syncBad(
            "webhook method not a token",
            "--webhook-method",
            "--webhook-url",
            "http://hooks/x",
            "--webhook-method",
            "PO ST"),
        syncBad(
            "webhook timeout zero",
            "--webhook-timeout",
            "--webhook-url",
            "http://hooks/x",
            "--webhook-timeout",
            "0s"),
        syncBad("webhook method without url", "need --webhook-url", "--webhook-method", "GET"),
        syncBad("allow stale in sync mode", "--allow-stale", "--allow-stale"),
        bad(
            "sync option without period",
            "is for sync mode",
            "--repo",
            REPO,
            "--root",
            "{v}/git",
            "--link",
            "app",
            "--http-bind",
            ":8080"));
  }

  /** A bad sync-mode value, with a valid repository, layout and period around it. */
  private static Arguments syncBad(String name, String expected, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of("--repo", REPO, "--root", "{v}/git", "--link", "app", "--period", "30s"));
    all.addAll(List.of(args));
    if (args[0].equals("--period")) {
      all.subList(6, 8).clear();
    }
    return Arguments.of(name, expected, all);
  }

  private static Arguments bad(String name, String expected, String... args) {
    return Arguments.of(name, expected, List.of(args));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badValueExitsTwoAndWritesNothing(String name, String expected, List<String> args)
      throws Exception {
    Files.writeString(outside.resolve("password"), "secret\n");
    List<String> resolved = new ArrayList<>();
    for (String arg : args) {
      resolved.add(arg.replace("{v}", volume.toString()).replace("{o}", outside.toString()));
    }

    ToolResult result =
        ToolRun.of(new GitFetchCommand())
            .args("--termination-log", outside.resolve("termination-log").toString())
            .args(resolved.toArray(String[]::new))
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
    assertThat(result.stderrLines()).filteredOn(line -> line.contains(" ERROR ")).hasSize(1);
    assertThat(result.stderr()).contains(expected);
    assertThat(volume).isEmptyDirectory();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badEnvironment")
  void badEnvironmentValueExitsTwoNamingTheVariable(String variable, String value)
      throws Exception {
    ToolResult result =
        ToolRun.of(new GitFetchCommand())
            .args("--termination-log", outside.resolve("termination-log").toString())
            .env("GIT_FETCH_REPO", REPO)
            .env("GIT_FETCH_DEST", volume.resolve("src").toString())
            .env(variable, value)
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
    assertThat(result.stderr()).contains(variable);
    assertThat(volume).isEmptyDirectory();
  }

  static Stream<Arguments> badEnvironment() {
    return Stream.of(
        Arguments.of("GIT_FETCH_DEPTH", "deep"),
        Arguments.of("GIT_FETCH_TIMEOUT", "soon"),
        Arguments.of("GIT_FETCH_REPOO", REPO),
        Arguments.of("HTTPS_PROXY", "socks5://proxy:1080"),
        Arguments.of("HTTP_PROXY", "http://user:pw@proxy:3128"));
  }
}
