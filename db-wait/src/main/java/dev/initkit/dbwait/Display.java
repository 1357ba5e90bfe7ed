package dev.initkit.dbwait;

import dev.initkit.common.log.Redactor;
import java.util.regex.Pattern;

/** Target text as it may be shown: URL user info and password parameters masked. */
final class Display {
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([?&;][^=&;]*password[^=&;]*=)[^&;]*");

  private Display() {}

  static String of(String text) {
    return Redactor.removeUserInfo(
        PASSWORD_PARAMETER.matcher(text).replaceAll("$1" + Redactor.MASK));
  }
}
