package dev.initkit.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
  @Test
  void masksEveryRegisteredSecret() {
    Redactor redactor = new Redactor();
    redactor.register("hunter2");
    redactor.register("tok-123");

    assertThat(redactor.redact("password hunter2 and tok-123, hunter2 again"))
        .isEqualTo("password *** and ***, *** again");
  }

  @Test
  void masksTheLongerSecretWholeWhenOneContainsAnother() {
    Redactor redactor = new Redactor();
    redactor.register("abc");
    redactor.register("abcdef");

    assertThat(redactor.redact("x abcdef y")).isEqualTo("x *** y");
  }

  @Test
  void ignoresEmptySecrets() {
    Redactor redactor = new Redactor();
    redactor.register("");

    assertThat(redactor.redact("text")).isEqualTo("text");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://user:pass@example.com/repo.git | https://***@example.com/repo.git",
        "cloning https://ghp_token@github.com/a/b now | cloning https://***@github.com/a/b now",
        "ssh://git@host:22/x | ssh://***@host:22/x",
        "jdbc:postgresql://u:p@db:5432/app | jdbc:postgresql://***@db:5432/app",
        "https://example.com/a@b | https://example.com/a@b",
        "mail me at a@b.c | mail me at a@b.c"
      })
  void removesUrlUserInfo(String text, String expected) {
    assertThat(new Redactor().redact(text)).isEqualTo(expected);
  }

  /**
   * What removeUserInfo did with a regular expression before it scanned by hand, with its {@code
   * \b} spelt out as JDK 19 and later read it (ASCII word characters; JDK 17 counted any letter).
   */
  private static final Pattern URL_USER_INFO =
      Pattern.compile("(?<scheme>(?<![A-Za-z0-9_])[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]+@");

  @Test
  void removesUserInfoAsTheRegularExpressionDid() {
    // Short texts over the characters that matter (scheme characters, separators, white space,
    // word characters outside the scheme's), so that every way to nearly match comes up.
    String alphabet = "aZ9+.-_:/@ \t\né";
    Random random = new Random(42);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(16);
      for (int j = 0; j < length; j++) {
        text.append(
            random.nextInt(6) == 0 ? "://" : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String input = text.toString();
      String expected = URL_USER_INFO.matcher(input).replaceAll("${scheme}***@");

      assertThat(Redactor.removeUserInfo(input)).as(input).isEqualTo(expected);
    }
  }
}
