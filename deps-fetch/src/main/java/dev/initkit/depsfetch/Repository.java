package dev.initkit.depsfetch;

import java.net.URI;
import java.util.Objects;

/**
 * A remote Maven repository to resolve from.
 *
 * @param id the repository id, which keys its credentials and names it in messages
 * @param url its base URL, without user info
 * @param credentials how to authenticate, or {@link Credentials#NONE}
 */
public record Repository(String id, URI url, Credentials credentials) {
  /** Maven Central, the default repository. */
  public static final Repository CENTRAL =
      new Repository(
          "central", URI.create("https://repo.maven.apache.org/maven2/"), Credentials.NONE);

  public Repository {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(credentials, "credentials");
  }

  public Repository withCredentials(Credentials newCredentials) {
    return new Repository(id, url, newCredentials);
  }

  /** {@code id (url)}; the URL never holds user info, and credentials are never shown. */
  @Override
  public String toString() {
    return id + " (" + url + ")";
  }
}
