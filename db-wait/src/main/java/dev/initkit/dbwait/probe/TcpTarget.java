package dev.initkit.dbwait.probe;

import java.util.Objects;

/** A TCP port that must accept connections; for services that are not databases. */
public record TcpTarget(String host, int port) implements Target {
  public TcpTarget {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  @Override
  public String display() {
    return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String kind() {
    return "tcp";
  }
}
