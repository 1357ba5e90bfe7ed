package dev.initkit.depsfetch;

import dev.initkit.common.cli.Secret;
import java.util.Optional;

/**
 * How deps-fetch authenticates to one repository: a user name and password (HTTP basic), a token
 * sent in a header, or nothing. Secrets are {@link Secret}s, masked when printed.
 *
 * @param username the user name for basic authentication, or null
 * @param password the password for basic authentication, or null
 * @param token the token, or null
 * @param tokenHeader the header that carries the token; {@code Authorization} sends {@code Bearer
 *     <token>}, any other header the bare token
 * @param verbatim send the token as the header's whole value, even in {@code Authorization} (a
 *     header from settings.xml)
 */
public record Credentials(
    String username, Secret password, Secret token, String tokenHeader, boolean verbatim) {
  public static final String DEFAULT_TOKEN_HEADER = "Authorization";
  public static final Credentials NONE = new Credentials(null, null, null, DEFAULT_TOKEN_HEADER);

  public Credentials(String username, Secret password, Secret token, String tokenHeader) {
    this(username, password, token, tokenHeader, false);
  }

  /** A header sent as is, like settings.xml's httpHeaders. */
  public static Credentials header(String name, Secret value) {
    return new Credentials(null, null, value, name, true);
  }

  public Optional<String> user() {
    return Optional.ofNullable(username);
  }

  public Optional<Secret> passwordSecret() {
    return Optional.ofNullable(password);
  }

  public Optional<Secret> tokenSecret() {
    return Optional.ofNullable(token);
  }

  /** The header's value for the token: {@code Bearer <token>} in {@code Authorization}. */
  public Optional<String> tokenHeaderValue() {
    return tokenSecret()
        .map(
            t ->
                DEFAULT_TOKEN_HEADER.equalsIgnoreCase(tokenHeader) && !verbatim
                    ? "Bearer " + t.reveal()
                    : t.reveal());
  }

  public boolean isNone() {
    return username == null && password == null && token == null;
  }
}
