package dev.initkit.gitfetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.common.failure.UsageException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which cookies of a Netscape cookie file go with a request, as curl decides. */
class CookieFileTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  private CookieFile file(String... lines) throws Exception {
    return CookieFile.read(
        Files.writeString(dir.resolve("cookies.txt"), String.join("\n", lines) + "\n"));
  }

  private static String line(String domain, String sub, String path, String secure, String name) {
    return String.join("\t", domain, sub, path, secure, "0", name, "v-" + name);
  }

  @Test
  void matchesHostPathSchemeAndExpiry() throws Exception {
    CookieFile cookies =
        file(
            "# Netscape HTTP Cookie File",
            line("git.example.org", "FALSE", "/", "TRUE", "all"),
            line("git.example.org", "FALSE", "/team", "FALSE", "team"),
            line("git.example.org", "FALSE", "/teammates", "FALSE", "other-path"),
            line(".example.org", "TRUE", "/", "FALSE", "parent"),
            line("other.example.org", "FALSE", "/", "FALSE", "other-host"),
            "#HttpOnly_git.example.org\tFALSE\t/\tFALSE\t0\thttponly\tv-httponly",
            "git.example.org\tFALSE\t/\tFALSE\t1000\texpired\tv-expired");

    assertThat(cookies.header(URI.create("https://git.example.org/team/app.git"), NOW))
        .contains("all=v-all; team=v-team; parent=v-parent; httponly=v-httponly");
    assertThat(cookies.header(URI.create("http://git.example.org/team/app.git"), NOW))
        .contains("team=v-team; parent=v-parent; httponly=v-httponly");
    assertThat(cookies.header(URI.create("https://elsewhere.org/app.git"), NOW)).isEmpty();
    assertThat(cookies.values()).contains("v-all", "v-httponly").doesNotContain("all");
  }

  @Test
  void aLineWithoutSevenFieldsIsAUsageErrorThatShowsNoValue() throws Exception {
    assertThatThrownBy(() -> file("git.example.org\tFALSE\t/\tFALSE\t0\tsession-secret-value"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("line 1")
        .hasMessageNotContaining("session-secret-value");
  }

  @Test
  void anExpiryThatIsNotANumberIsAUsageError() throws Exception {
    assertThatThrownBy(() -> file("git.example.org\tFALSE\t/\tFALSE\tsoon\tn\tv"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("expiry");
  }
}
