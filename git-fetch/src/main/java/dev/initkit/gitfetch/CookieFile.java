package dev.initkit.gitfetch;

import dev.initkit.common.cli.OptionFiles;
import dev.initkit.common.failure.UsageException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A cookie file in the Netscape format that curl and git ({@code http.cookieFile}) read: one cookie
 * per line, seven tab-separated fields ({@code domain}, {@code includeSubdomains}, {@code path},
 * {@code secure}, {@code expires} in epoch seconds with 0 for a session cookie, {@code name},
 * {@code value}); {@code #} starts a comment, except curl's {@code #HttpOnly_} prefix. Read only:
 * git-fetch never writes cookies back.
 */
final class CookieFile {
  private static final String HTTP_ONLY_PREFIX = "#HttpOnly_";

  private final List<Cookie> cookies;

  private CookieFile(List<Cookie> cookies) {
    this.cookies = cookies;
  }

  private record Cookie(
      String domain,
      boolean includeSubdomains,
      String path,
      boolean secure,
      long expires,
      String name,
      String value) {
    boolean matches(URI url, Instant now) {
      String host = url.getHost().toLowerCase(Locale.ROOT);
      boolean hostMatches =
          host.equals(domain) || (includeSubdomains && host.endsWith("." + domain));
      String urlPath = url.getPath().isEmpty() ? "/" : url.getPath();
      boolean pathMatches =
          urlPath.equals(path)
              || (urlPath.startsWith(path)
                  && (path.endsWith("/") || urlPath.charAt(path.length()) == '/'));
      boolean alive = expires == 0 || Instant.ofEpochSecond(expires).isAfter(now);
      return hostMatches && pathMatches && alive && (!secure || "https".equals(url.getScheme()));
    }
  }

  /**
   * Reads {@code file}; a line that is not a cookie is a usage error naming the line, never its
   * value.
   */
  static CookieFile read(Path file) throws UsageException {
    List<String> lines = OptionFiles.read("--cookie-file", file).lines().toList();
    List<Cookie> cookies = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith(HTTP_ONLY_PREFIX)) {
        line = line.substring(HTTP_ONLY_PREFIX.length());
      } else if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 7 || !isFlag(fields[1]) || !isFlag(fields[3])) {
        throw new UsageException(
            "--cookie-file: line "
                + (i + 1)
                + " of "
                + file
                + " is not a Netscape cookie line (7 tab-separated fields: domain, TRUE|FALSE,"
                + " path, TRUE|FALSE, expiry, name, value)");
      }
      long expires;
      try {
        expires = Long.parseLong(fields[4].strip());
      } catch (NumberFormatException e) {
        throw new UsageException(
            "--cookie-file: line " + (i + 1) + " of " + file + ": the expiry is not a number", e);
      }
      String domain = fields[0].strip().toLowerCase(Locale.ROOT);
      cookies.add(
          new Cookie(
              domain.startsWith(".") ? domain.substring(1) : domain,
              // A leading dot means the subdomains too, whatever the flag says (as curl reads it).
              Boolean.parseBoolean(fields[1]) || domain.startsWith("."),
              fields[2].isEmpty() ? "/" : fields[2],
              Boolean.parseBoolean(fields[3]),
              expires,
              fields[5],
              fields[6]));
    }
    return new CookieFile(cookies);
  }

  private static boolean isFlag(String field) {
    return field.equalsIgnoreCase("TRUE") || field.equalsIgnoreCase("FALSE");
  }

  /** Every cookie value, for the redactor: they are credentials. */
  List<String> values() {
    return cookies.stream().map(Cookie::value).filter(v -> !v.isEmpty()).toList();
  }

  /**
   * The {@code Cookie} header for a request to {@code url} at {@code now}, if any cookie applies.
   */
  Optional<String> header(URI url, Instant now) {
    String header =
        cookies.stream()
            .filter(c -> c.matches(url, now))
            .map(c -> c.name() + "=" + c.value())
            .collect(Collectors.joining("; "));
    return header.isEmpty() ? Optional.empty() : Optional.of(header);
  }
}
