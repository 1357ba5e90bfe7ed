package dev.initkit.gitfetch.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.common.failure.UsageException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class BindAddressTest {
  @Test
  void aPortAloneListensOnAllInterfaces() throws Exception {
    var address = BindAddress.parse(":8080");

    assertThat(address.getAddress().isAnyLocalAddress()).isTrue();
    assertThat(address.getPort()).isEqualTo(8080);
  }

  @Test
  void readsIpv4AndBracketedIpv6Hosts() throws Exception {
    assertThat(BindAddress.parse("127.0.0.1:9").getAddress())
        .isEqualTo(InetAddress.getByName("127.0.0.1"));
    assertThat(BindAddress.parse("[::1]:9").getAddress()).isEqualTo(InetAddress.getByName("::1"));
  }

  @Test
  void badValuesAreUsageErrorsNamingTheOption() {
    for (String bad : new String[] {"8080", ":", ":-1", ":65536", "::1:80", "[::1]"}) {
      assertThatThrownBy(() -> BindAddress.parse(bad))
          .as(bad)
          .isInstanceOf(UsageException.class)
          .hasMessageStartingWith("--http-bind");
    }
  }
}
