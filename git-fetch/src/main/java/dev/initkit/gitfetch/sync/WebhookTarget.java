package dev.initkit.gitfetch.sync;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The webhook that sync mode calls after the first sync and each update.
 *
 * @param url an http or https URL without user info
 * @param method the HTTP method, an RFC 9110 token such as POST
 * @param timeout how long one call may take
 */
public record WebhookTarget(URI url, String method, Duration timeout) {
  /** The request header that carries the published commit id (git-sync sends Gitsync-Hash). */
  public static final String COMMIT_HEADER = "Git-Fetch-Commit";

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  public WebhookTarget {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Parses the user's values; the messages name the options.
   *
   * @throws IllegalArgumentException for a URL that is not http(s), one with user info, a method
   *     that is not a token, or a timeout that is not more than 0
   */
  public static WebhookTarget of(String url, String method, Duration timeout) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--webhook-url is not a URL: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "--webhook-url must be an http:// or https:// URL with a host: '" + url + "'");
    }
    if (uri.getRawUserInfo() != null) {
      // Java's HTTP client would not send it, and it would show in the start-up line.
      throw new IllegalArgumentException(
          "--webhook-url cannot carry user info (user:password@): it is not sent");
    }
    if (method == null || !TOKEN.matcher(method).matches()) {
      throw new IllegalArgumentException(
          "--webhook-method must be an HTTP method such as POST or GET: '" + method + "'");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("--webhook-timeout must be more than 0, like 1s");
    }
    return new WebhookTarget(uri, method.toUpperCase(Locale.ROOT), timeout);
  }
}
