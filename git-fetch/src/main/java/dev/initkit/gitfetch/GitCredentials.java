package dev.initkit.gitfetch;

import java.util.Objects;
import java.util.Optional;

/**
 * How to authenticate over HTTPS: a user name with a password or token (basic auth), or a bearer
 * token sent as an {@code Authorization} header, and cookies from a cookie file. Secrets are read
 * on each attempt and never stored in the repository's configuration.
 */
public record GitCredentials(
    Optional<String> username,
    Optional<SecretSource> password,
    Optional<SecretSource> bearer,
    Optional<CookieSource> cookies) {
  public static final GitCredentials NONE =
      new GitCredentials(Optional.empty(), Optional.empty(), Optional.empty());

  public GitCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(bearer, "bearer");
    Objects.requireNonNull(cookies, "cookies");
  }

  public GitCredentials(
      Optional<String> username, Optional<SecretSource> password, Optional<SecretSource> bearer) {
    this(username, password, bearer, Optional.empty());
  }

  public GitCredentials withCookies(CookieSource source) {
    return new GitCredentials(username, password, bearer, Optional.of(source));
  }

  public boolean isEmpty() {
    return username.isEmpty() && password.isEmpty() && bearer.isEmpty() && cookies.isEmpty();
  }

  /** What kind of credentials, for the start-up and report lines; never the secret. */
  public String describe() {
    String what;
    if (bearer.isPresent()) {
      what = "bearer token";
    } else if (password.isPresent()) {
      what = "user " + username.orElse("") + " with password";
    } else {
      what = username.map(u -> "user " + u).orElse("none");
    }
    return cookies.isPresent() ? what + ", cookies" : what;
  }
}
