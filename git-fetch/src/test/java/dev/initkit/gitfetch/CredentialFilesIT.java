package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.filesContaining;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials from files users already have: a {@code .netrc} (basic auth) and a Netscape cookie
 * file (a server that wants a cookie). Used for the request only: never in the volume, never in a
 * log line, the report or the termination message.
 */
class CredentialFilesIT {
  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();
  private static TestRepository repo;

  @TempDir Path volume;
  @TempDir Path secrets;

  @BeforeAll
  static void startServer() throws Exception {
    repo = server.repo("private");
    repo.commit("main", "one", TestRepository.tree().file("plans.txt", "plans"));
  }

  private Path dest() {
    return volume.resolve("src");
  }

  private ToolRun fetch(String url, String... more) {
    return GitFetchTesting.gitFetch(
            volume,
            "--repo",
            url,
            "--dest",
            dest().toString(),
            "--report",
            volume.resolve("report.json").toString())
        .args(more);
  }

  private Path netrc(String text) throws Exception {
    return Files.writeString(secrets.resolve("netrc"), text);
  }

  private Path cookies(String... lines) throws Exception {
    return Files.writeString(
        secrets.resolve("cookies.txt"),
        "# Netscape HTTP Cookie File\n" + String.join("\n", lines) + "\n");
  }

  private static String cookieLine(String domain, String path, String secure, long expires) {
    return String.join(
        "\t",
        domain,
        "FALSE",
        path,
        secure,
        Long.toString(expires),
        GitTestServer.COOKIE_NAME,
        GitTestServer.COOKIE_VALUE);
  }

  private void assertNowhere(ToolResult result, String secret) throws Exception {
    assertThat(result.stderr()).doesNotContain(secret);
    assertThat(result.stdout()).doesNotContain(secret);
    assertThat(filesContaining(volume, secret)).isEmpty();
  }

  @Test
  void basicAuthFromNetrcClonesAndStoresNothing() throws Exception {
    Path netrc =
        netrc(
            "machine git.example.org login someone password other\n"
                + "machine 127.0.0.1\n  login "
                + GitTestServer.USERNAME
                + "\n  password "
                + GitTestServer.PASSWORD
                + "\n");

    ToolResult result = fetch(repo.basicAuthUrl(), "--netrc-file", netrc.toString()).run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(dest().resolve("plans.txt")).hasContent("plans");
    assertThat(dest().resolve(".git/config")).content().doesNotContain(GitTestServer.USERNAME);
    assertNowhere(result, GitTestServer.PASSWORD);
  }

  @Test
  void theDefaultEntryOfNetrcServesAnyOtherHost() throws Exception {
    Path netrc =
        netrc(
            "machine git.example.org login someone password other\n"
                + "default login "
                + GitTestServer.USERNAME
                + " password "
                + GitTestServer.PASSWORD
                + "\n");

    ToolResult result = fetch(repo.basicAuthUrl(), "--netrc-file", netrc.toString()).run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertNowhere(result, GitTestServer.PASSWORD);
  }

  @Test
  void aWrongPasswordInNetrcFailsPermanentlyWithoutShowingIt() throws Exception {
    String wrong = "netrc-wr0ng-pa55";
    Path netrc = netrc("machine 127.0.0.1 login " + GitTestServer.USERNAME + " password " + wrong);

    ToolResult result = fetch(repo.basicAuthUrl(), "--netrc-file", netrc.toString()).run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("permanent").contains("refused the credentials");
    assertThat(dest()).doesNotExist();
    assertNowhere(result, wrong);
  }

  @Test
  void aNetrcWithoutTheHostSaysSoAndFetchesWithoutCredentials() throws Exception {
    Path netrc = netrc("machine git.example.org login someone password other-pa55\n");

    ToolResult result = fetch(repo.basicAuthUrl(), "--netrc-file", netrc.toString()).run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("--netrc-file has no password for 127.0.0.1");
    assertNowhere(result, "other-pa55");
  }

  @Test
  void theCookieOfTheCookieFileIsSentAndStoredNowhere() throws Exception {
    Path cookies = cookies(cookieLine("127.0.0.1", "/", "FALSE", 0));

    ToolResult result = fetch(repo.cookieUrl(), "--cookie-file", cookies.toString()).run();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(dest().resolve("plans.txt")).hasContent("plans");
    assertNowhere(result, GitTestServer.COOKIE_VALUE);
  }

  @Test
  void withoutTheCookieTheServerRefuses() throws Exception {
    ToolResult result = fetch(repo.cookieUrl()).run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("403");
  }

  @Test
  void anExpiredCookieIsNotSent() throws Exception {
    Path cookies = cookies(cookieLine("127.0.0.1", "/", "FALSE", 1_000_000_000L));

    ToolResult result = fetch(repo.cookieUrl(), "--cookie-file", cookies.toString()).run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("403");
    assertNowhere(result, GitTestServer.COOKIE_VALUE);
  }

  @Test
  void aSecureCookieIsNotSentOverPlainHttp() throws Exception {
    Path cookies = cookies(cookieLine("127.0.0.1", "/", "TRUE", 0));

    ToolResult result = fetch(repo.cookieUrl(), "--cookie-file", cookies.toString()).run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("403");
  }

  @Test
  void aCookieForAnotherPathIsNotSent() throws Exception {
    Path cookies = cookies(cookieLine("127.0.0.1", "/public", "FALSE", 0));

    ToolResult result = fetch(repo.cookieUrl(), "--cookie-file", cookies.toString()).run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr()).contains("403");
  }
}
