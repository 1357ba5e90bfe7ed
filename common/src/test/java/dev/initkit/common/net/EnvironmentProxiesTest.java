package dev.initkit.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentProxiesTest {
  @Test
  void noVariablesMeansNoSelector() {
    assertThat(EnvironmentProxies.from(Map.of("PATH", "/bin"))).isEmpty();
  }

  @Test
  void httpsAndHttpUrlsUseTheirOwnProxyAndUpperCaseWins() {
    EnvironmentProxies proxies =
        EnvironmentProxies.from(
                Map.of(
                    "HTTPS_PROXY", "http://secure-proxy:3128",
                    "https_proxy", "http://ignored:1",
                    "http_proxy", "plain-proxy:8080"))
            .orElseThrow();

    assertThat(address(proxies, "https://git.example.org/x.git"))
        .isEqualTo(InetSocketAddress.createUnresolved("secure-proxy", 3128));
    assertThat(address(proxies, "http://git.example.org/x.git"))
        .isEqualTo(InetSocketAddress.createUnresolved("plain-proxy", 8080));
  }

  @Test
  void noProxyMatchesHostsTheirSubdomainsAndStar() {
    EnvironmentProxies proxies =
        EnvironmentProxies.from(
                Map.of(
                    "HTTPS_PROXY", "http://p:3128", "NO_PROXY", "internal.example, .svc,10.0.0.7"))
            .orElseThrow();

    assertThat(proxies.bypasses("internal.example")).isTrue();
    assertThat(proxies.bypasses("git.internal.example")).isTrue();
    assertThat(proxies.bypasses("gitea.ns.svc")).isTrue();
    assertThat(proxies.bypasses("10.0.0.7")).isTrue();
    assertThat(proxies.bypasses("notinternal.example")).isFalse();
    assertThat(proxies.bypasses("github.com")).isFalse();
    assertThat(
            EnvironmentProxies.from(Map.of("HTTPS_PROXY", "http://p:1", "no_proxy", "*"))
                .orElseThrow()
                .bypasses("anything"))
        .isTrue();
  }

  @Test
  void badProxyValuesNameTheVariable() {
    assertThatThrownBy(() -> EnvironmentProxies.from(Map.of("HTTPS_PROXY", "socks5://p:1080")))
        .hasMessageContaining("HTTPS_PROXY");
    assertThatThrownBy(() -> EnvironmentProxies.from(Map.of("HTTP_PROXY", "http://u:pw@p:1")))
        .hasMessageContaining("HTTP_PROXY")
        .hasMessageNotContaining("pw");
  }

  private static Object address(EnvironmentProxies proxies, String uri) {
    Proxy proxy = proxies.select(URI.create(uri)).get(0);
    return proxy.address();
  }
}
