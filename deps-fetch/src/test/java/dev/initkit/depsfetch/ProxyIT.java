package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.depsfetch.testrepo.Fixtures;
import dev.initkit.depsfetch.testrepo.ForwardProxy;
import dev.initkit.depsfetch.testrepo.RepositoryServer;
import dev.initkit.depsfetch.testrepo.TestRepository;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP_PROXY, HTTPS_PROXY and NO_PROXY from the environment, through a loopback forward proxy that
 * counts what it relays; settings.xml's proxy wins over them.
 */
class ProxyIT {
  @TempDir Path dir;
  private RepositoryServer server;
  private ForwardProxy proxy;

  @BeforeEach
  void start() throws IOException {
    server = RepositoryServer.start(Fixtures.acme(new TestRepository(dir.resolve("served"))));
    proxy = ForwardProxy.start();
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    server.close();
  }

  private Path lib() {
    return dir.resolve("volume/lib");
  }

  @Test
  void requestsGoThroughTheProxyOfTheEnvironment() {
    ToolResult result =
        DepsFetchRun.against(server, dir)
            .args(Fixtures.APP, "--dest", lib().toString())
            .env("HTTP_PROXY", proxy.url())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(lib())).hasSize(11);
    assertThat(proxy.relayed())
        .as("every request went through the proxy")
        .hasSize(server.requests().size())
        .allMatch(uri -> uri.getPath().startsWith("/maven/"))
        .anyMatch(uri -> uri.getPath().endsWith("/app-1.0.jar"));
  }

  @Test
  void lowerCaseVariablesAreReadToo() {
    ToolResult result =
        DepsFetchRun.against(server, dir)
            .args(Fixtures.APP, "--dest", lib().toString())
            .env("http_proxy", proxy.url())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(proxy.relayed()).isNotEmpty();
  }

  @Test
  void noProxyHostsAreReachedDirectly() {
    ToolResult result =
        DepsFetchRun.against(server, dir)
            .args(Fixtures.APP, "--dest", lib().toString())
            .env("HTTP_PROXY", proxy.url())
            .env("NO_PROXY", "localhost,127.0.0.1")
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(lib())).hasSize(11);
    assertThat(proxy.relayed()).isEmpty();
    assertThat(server.requests()).isNotEmpty();
  }

  @Test
  void httpsProxyIsNotUsedForAnHttpRepository() {
    ToolResult result =
        DepsFetchRun.against(server, dir)
            .args(Fixtures.APP, "--dest", lib().toString())
            .env("HTTPS_PROXY", proxy.url())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(proxy.relayed()).isEmpty();
  }

  @Test
  void settingsProxyWinsOverTheEnvironment() throws IOException {
    int port = URI.create(server.url()).getPort();
    // The settings' proxy is the repository server itself (it answers absolute-form requests):
    // the environment's proxy must see nothing.
    Path settings =
        Files.writeString(
            dir.resolve("settings.xml"),
            "<settings><proxies><proxy><host>127.0.0.1</host><port>"
                + port
                + "</port></proxy></proxies></settings>");

    ToolResult result =
        DepsFetchRun.against(server, dir)
            .args(Fixtures.APP, "--dest", lib().toString(), "--settings", settings.toString())
            .env("HTTP_PROXY", proxy.url())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(proxy.relayed()).isEmpty();
  }

  @Test
  void aProxyVariableThatIsNotAnHttpUrlExitsTwoAndWritesNothing() {
    ToolResult result =
        DepsFetchRun.against(server, dir)
            .args(Fixtures.APP, "--dest", lib().toString())
            .env("HTTPS_PROXY", "socks5://127.0.0.1:1080")
            .run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("HTTPS_PROXY");
    assertThat(dir.resolve("volume")).doesNotExist();
    assertThat(server.requests()).isEmpty();
  }
}
