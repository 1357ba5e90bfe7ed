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
  void noProxyRangesMatchAddressesInThemAndNeverResolveNames() {
    EnvironmentProxies proxies =
        EnvironmentProxies.from(
                Map.of(
                    "HTTPS_PROXY",
                    "http://p:3128",
                    "NO_PROXY",
                    "10.0.0.0/8,192.168.1.128/25,fd00::/8,not/a-range,300.1.1.1/8"))
            .orElseThrow();

    assertThat(proxies.bypasses("10.96.0.12")).isTrue();
    assertThat(proxies.bypasses("10.255.255.255")).isTrue();
    assertThat(proxies.bypasses("11.0.0.1")).isFalse();
    assertThat(proxies.bypasses("192.168.1.200")).isTrue();
    assertThat(proxies.bypasses("192.168.1.100")).isFalse();
    assertThat(proxies.bypasses("[fd12:3456::1]")).isTrue();
    assertThat(proxies.bypasses("[fe80::1]")).isFalse();
    // A name is not resolved to be compared with a range, whatever it would resolve to.
    assertThat(proxies.bypasses("localhost")).isFalse();
    assertThat(proxies.select(URI.create("https://10.1.2.3/repo.git")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(address(proxies, "https://172.16.0.1/repo.git"))
        .isEqualTo(InetSocketAddress.createUnresolved("p", 3128));
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
