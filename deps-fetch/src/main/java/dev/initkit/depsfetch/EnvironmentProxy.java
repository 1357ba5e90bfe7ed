package dev.initkit.depsfetch;

import java.net.ProxySelector;
import java.util.Objects;

/**
 * The proxies that {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} name, parsed by
 * common's {@code EnvironmentProxies} (the same rules as git-fetch's): the selector answers, per
 * repository URL, the proxy to use or none.
 */
public record EnvironmentProxy(ProxySelector selector) implements HttpProxy {
  public EnvironmentProxy {
    Objects.requireNonNull(selector, "selector");
  }

  @Override
  public String toString() {
    return "HTTPS_PROXY/HTTP_PROXY of the environment";
  }
}
