package dev.initkit.gitfetch;

import java.util.Optional;

/**
 * How to authenticate over HTTPS: a user name with a password or token (basic auth), or a bearer
 * token sent as an {@code Authorization} header. Secrets are read on each attempt and never stored
 * in the repository's configuration.
 */
public record GitCredentials(
    Optional<String> username, Optional<SecretSource> password, Optional<SecretSource> bearer) {
  public static final GitCredentials NONE =
      new GitCredentials(Optional.empty(), Optional.empty(), Optional.empty());

  public boolean isEmpty() {
    return username.isEmpty() && password.isEmpty() && bearer.isEmpty();
  }

  /** What kind of credentials, for the start-up and report lines; never the secret. */
  public String describe() {
    if (bearer.isPresent()) {
      return "bearer token";
    }
    if (password.isPresent()) {
      return "user " + username.orElse("") + " with password";
    }
    return username.map(u -> "user " + u).orElse("none");
  }
}
