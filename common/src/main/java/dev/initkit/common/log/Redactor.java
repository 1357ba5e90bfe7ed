package dev.initkit.common.log;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from every text a user may see: log lines, error messages, the report and the
 * termination message. Secrets are registered as they are read (a password file, a token); URL user
 * info ({@code https://user:token@host}) is removed whether registered or not.
 */
public final class Redactor {
  /** What stands in for a secret. */
  public static final String MASK = "***";

  // scheme://userinfo@ — userinfo may hold ':' but no '/', '@' or white space.
  private static final Pattern URL_USER_INFO =
      Pattern.compile("(?<scheme>\\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]+@");

  private final List<String> secrets = new CopyOnWriteArrayList<>();

  /** Adds a secret; from now on it never appears in redacted text. Empty values are ignored. */
  public void register(String secret) {
    if (secret == null || secret.isEmpty() || secrets.contains(secret)) {
      return;
    }
    secrets.add(secret);
    // Longest first, so a secret that contains another is masked whole.
    secrets.sort(Comparator.comparingInt(String::length).reversed());
  }

  /** {@code text} with every registered secret and every URL's user info masked. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return removeUserInfo(result);
  }

  /** {@code text} with the user info of every URL in it replaced by {@link #MASK}. */
  public static String removeUserInfo(String text) {
    Matcher m = URL_USER_INFO.matcher(text);
    return m.find() ? m.replaceAll("${scheme}" + Matcher.quoteReplacement(MASK) + "@") : text;
  }
}
