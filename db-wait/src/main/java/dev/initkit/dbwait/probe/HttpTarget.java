package dev.initkit.dbwait.probe;

import java.net.URI;
import java.util.Objects;

/**
 * An HTTP(S) endpoint that must answer with an expected status.
 *
 * @param uri the URL, without user info
 * @param expected the statuses that count as ready
 */
public record HttpTarget(URI uri, StatusSet expected) implements Target {
  public HttpTarget {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(expected, "expected");
  }

  @Override
  public String display() {
    return uri.toString();
  }

  @Override
  public String kind() {
    return "http";
  }
}
