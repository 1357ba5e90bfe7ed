package dev.initkit.depsfetch;

import java.net.URI;
import java.util.Objects;

/**
 * A mirror from settings.xml: serves the repositories its {@code mirrorOf} pattern matches ({@code
 * *}, {@code external:*}, {@code central}, {@code a,b}, {@code *,!internal}), as Maven's mirror
 * selection reads it.
 */
public record Mirror(String id, URI url, String mirrorOf, Credentials credentials) {
  public Mirror {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(mirrorOf, "mirrorOf");
    Objects.requireNonNull(credentials, "credentials");
  }

  @Override
  public String toString() {
    return id + " (" + url + ") of " + mirrorOf;
  }
}
