package dev.initkit.gitfetch.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/** Where a submodule lives, from its {@code .gitmodules} URL and the superproject's URL. */
public final class SubmoduleUrl {
  private SubmoduleUrl() {}

  /**
   * Resolves a relative submodule URL ({@code ../lib.git}, {@code ./sub}) against the
   * superproject's URL as git does: each {@code ../} drops one path segment of the superproject's
   * URL. Any other URL is returned as it is.
   *
   * @throws IllegalArgumentException when the {@code ../} climb above the superproject's host
   */
  public static String resolve(String superUrl, String url) {
    if (!url.startsWith("./") && !url.startsWith("../")) {
      return url;
    }
    String base = superUrl;
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String rest = url;
    while (true) {
      if (rest.startsWith("./")) {
        rest = rest.substring(2);
      } else if (rest.startsWith("../")) {
        rest = rest.substring(3);
        base = parent(base, superUrl, url);
      } else {
        break;
      }
    }
    return base + "/" + rest;
  }

  private static String parent(String base, String superUrl, String url) {
    int schemeEnd = base.indexOf("://");
    int pathStart = schemeEnd < 0 ? base.indexOf(':') + 1 : base.indexOf('/', schemeEnd + 3);
    int slash = base.lastIndexOf('/');
    if (pathStart <= 0 || slash < pathStart) {
      throw new IllegalArgumentException(
          "submodule URL '" + url + "' climbs above the host of " + superUrl);
    }
    return base.substring(0, slash);
  }

  /**
   * Whether two URLs name the same server (scheme, host and port): only then are the superproject's
   * credentials sent for a submodule, so that a {@code .gitmodules} entry cannot send them to
   * another host.
   */
  public static boolean sameServer(String a, String b) {
    try {
      URI x = new URI(a);
      URI y = new URI(b);
      return x.getScheme() != null
          && x.getScheme().equalsIgnoreCase(Objects.toString(y.getScheme(), ""))
          && x.getHost() != null
          && x.getHost().toLowerCase(Locale.ROOT).equals(lower(y.getHost()))
          && x.getPort() == y.getPort();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String lower(String host) {
    return host == null ? null : host.toLowerCase(Locale.ROOT);
  }
}
