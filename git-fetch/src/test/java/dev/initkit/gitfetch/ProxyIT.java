package dev.initkit.gitfetch;

import static dev.initkit.gitfetch.GitFetchTesting.succeeds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.net.ProxySelector;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP_PROXY and NO_PROXY from the environment. The "proxy" is the git server itself: an HTTP/1.1
 * server answers a request in absolute form ({@code GET http://host/path}), so a clone of a host
 * that does not resolve succeeds only if the request went through the proxy.
 */
class ProxyIT {
  private static final String NOWHERE = "git.nowhere.invalid";

  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();
  private static TestRepository repo;

  @TempDir Path volume;

  @BeforeAll
  static void startServer() throws Exception {
    repo = server.repo("proxied");
    repo.commit("main", "one", TestRepository.tree().file("a", "via proxy"));
  }

  private String unresolvableUrl() {
    return repo.url().replace("127.0.0.1:" + server.port(), NOWHERE);
  }

  @Test
  void requestsGoThroughHttpProxyFromTheEnvironment() {
    ProxySelector before = ProxySelector.getDefault();
    Path dest = volume.resolve("src");

    succeeds(
        GitFetchTesting.gitFetch(volume, "--repo", unresolvableUrl(), "--dest", dest.toString())
            .env("HTTP_PROXY", "http://127.0.0.1:" + server.port()));

    assertThat(dest.resolve("a")).hasContent("via proxy");
    assertThat(ProxySelector.getDefault()).isSameAs(before);
  }

  @Test
  void noProxyHostsAreReachedDirectly() {
    ToolResult result =
        GitFetchTesting.gitFetch(
                volume,
                "--repo",
                unresolvableUrl(),
                "--dest",
                volume.resolve("src").toString(),
                "--timeout",
                "1s",
                "--retry-initial",
                "100ms")
            .env("http_proxy", "http://127.0.0.1:" + server.port())
            .env("NO_PROXY", "localhost,.invalid")
            .run();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(3);
    assertThat(result.stderr()).contains("not resolvable");
  }
}
