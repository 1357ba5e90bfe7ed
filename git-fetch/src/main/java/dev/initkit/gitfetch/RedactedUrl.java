package dev.initkit.gitfetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository URL with any user info taken out: {@link #toString()} and {@link #url()} never carry
 * a password, so the URL can go into logs, the report and {@code .git/config}. A user name or
 * password written into the URL ({@code https://user:token@host/repo}) is kept apart, to be used as
 * credentials.
 */
public final class RedactedUrl {
  /** The transports git-fetch speaks. */
  public enum Scheme {
    HTTPS,
    HTTP,
    SSH,
    FILE
  }

  private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/]+@)?[^/:]+:(?!//).*");

  private final String url;
  private final Scheme scheme;
  private final String user;
  private final String password;

  private RedactedUrl(String url, Scheme scheme, String user, String password) {
    this.url = url;
    this.scheme = scheme;
    this.user = user;
    this.password = password;
  }

  /**
   * Parses {@code --repo}.
   *
   * @throws IllegalArgumentException with a message that says what to fix (the message never holds
   *     the password)
   */
  public static RedactedUrl parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the repository URL is empty");
    }
    if (text.startsWith("/")) {
      return new RedactedUrl(Path.of(text), Scheme.FILE);
    }
    if (!text.contains("://") && SCP_LIKE.matcher(text).matches()) {
      // git@host:org/repo.git: the user name is part of the address, never a secret.
      return new RedactedUrl(text, Scheme.SSH, null, null);
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "'" + withoutUserInfo(text) + "' is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "https", "http" -> {
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
          throw new IllegalArgumentException("'" + withoutUserInfo(text) + "' has no host name");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
          String[] parts = uri.getRawUserInfo().split(":", 2);
          user = decode(parts[0]);
          password = parts.length == 2 ? decode(parts[1]) : null;
        }
        try {
          URI clean =
              new URI(
                  scheme,
                  null,
                  uri.getHost(),
                  uri.getPort(),
                  uri.getPath(),
                  uri.getQuery(),
                  uri.getFragment());
          return new RedactedUrl(
              clean.toString(),
              scheme.equals("https") ? Scheme.HTTPS : Scheme.HTTP,
              user == null || user.isEmpty() ? null : user,
              password);
        } catch (URISyntaxException e) {
          throw new IllegalArgumentException(
              "'" + withoutUserInfo(text) + "' is not a URL: " + e.getReason());
        }
      }
      case "file" -> {
        if (uri.getPath() == null || uri.getPath().isEmpty()) {
          throw new IllegalArgumentException("'" + text + "' names no path");
        }
        return new RedactedUrl(Path.of(uri.getPath()), Scheme.FILE);
      }
      case "ssh", "git+ssh", "ssh+git" -> {
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
          throw new IllegalArgumentException("'" + withoutUserInfo(text) + "' has no host name");
        }
        if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
          throw new IllegalArgumentException(
              "ssh URLs take no password: use --ssh-key-file (" + withoutUserInfo(text) + ")");
        }
        return new RedactedUrl(text, Scheme.SSH, null, null);
      }
      case "git" ->
          throw new IllegalArgumentException(
              "git:// URLs are unauthenticated and unencrypted and not supported: use https");
      default ->
          throw new IllegalArgumentException(
              "'"
                  + withoutUserInfo(text)
                  + "' is not a repository URL: use https://, http:// or file://");
    }
  }

  private RedactedUrl(Path path, Scheme scheme) {
    this(path.toAbsolutePath().normalize().toUri().toString(), scheme, null, null);
  }

  private static String decode(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String withoutUserInfo(String text) {
    Matcher m = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)?[^/@\\s]+@").matcher(text);
    return m.find() ? m.replaceFirst(m.group(1) == null ? "***@" : "$1***@") : text;
  }

  /** The URL without user info: safe to log and to store. */
  public String url() {
    return url;
  }

  public Scheme scheme() {
    return scheme;
  }

  /** The user name written into the URL, if any. */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  /** The password written into the URL, if any: register it for redaction before any logging. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  @Override
  public String toString() {
    return url;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RedactedUrl other && url.equals(other.url);
  }

  @Override
  public int hashCode() {
    return url.hashCode();
  }
}
