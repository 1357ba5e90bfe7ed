package dev.initkit.gitfetch.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubmoduleUrlTest {
  @Test
  void dotDotReplacesTheLastSegmentOfTheSuperprojectsUrl() {
    assertThat(SubmoduleUrl.resolve("https://h/org/app.git", "../lib.git"))
        .isEqualTo("https://h/org/lib.git");
    assertThat(SubmoduleUrl.resolve("https://h/org/app.git/", "../../other/lib.git"))
        .isEqualTo("https://h/other/lib.git");
  }

  @Test
  void dotSlashIsBelowTheSuperprojectsUrl() {
    assertThat(SubmoduleUrl.resolve("https://h/org/app", "./sub"))
        .isEqualTo("https://h/org/app/sub");
  }

  @Test
  void scpLikeUrlsResolveAfterTheColon() {
    assertThat(SubmoduleUrl.resolve("git@host:org/app.git", "../lib.git"))
        .isEqualTo("git@host:org/lib.git");
  }

  @Test
  void absoluteUrlsAreKept() {
    assertThat(SubmoduleUrl.resolve("https://h/org/app.git", "https://other/x.git"))
        .isEqualTo("https://other/x.git");
  }

  @Test
  void climbingAboveTheHostIsRefused() {
    assertThatThrownBy(() -> SubmoduleUrl.resolve("https://h/app.git", "../../x.git"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("climbs above the host");
  }

  @Test
  void sameServerMeansSameSchemeHostAndPort() {
    assertThat(SubmoduleUrl.sameServer("https://H/a.git", "https://h/b/c.git")).isTrue();
    assertThat(SubmoduleUrl.sameServer("https://h/a.git", "http://h/a.git")).isFalse();
    assertThat(SubmoduleUrl.sameServer("https://h/a.git", "https://h:8443/a.git")).isFalse();
    assertThat(SubmoduleUrl.sameServer("https://h/a.git", "https://evil.example/a.git")).isFalse();
    assertThat(SubmoduleUrl.sameServer("https://h/a.git", "git@h:a.git")).isFalse();
  }
}
