package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CoordinatesTest {
  @Test
  void readsTheResolverOrder() {
    assertThat(Coordinates.parse("g:a:1.0")).isEqualTo(new Coordinates("g", "a", "jar", "", "1.0"));
    assertThat(Coordinates.parse("g:a:zip:1.0"))
        .isEqualTo(new Coordinates("g", "a", "zip", "", "1.0"));
    assertThat(Coordinates.parse("g:a:jar:linux:1.0"))
        .isEqualTo(new Coordinates("g", "a", "jar", "linux", "1.0"));
  }

  @Test
  void versionRangesKeepTheirCommas() {
    Coordinates range = Coordinates.parse(" g:a:[3.12,3.14] ");
    assertThat(range.version()).isEqualTo("[3.12,3.14]");
    assertThat(range.isRange()).isTrue();
    assertThat(Coordinates.parse("g:a:(,2.0)").isRange()).isTrue();
    assertThat(Coordinates.parse("g:a:2.0").isRange()).isFalse();
  }

  @Test
  void printsWhatItParses() {
    for (String text : new String[] {"g:a:jar:1.0", "g:a:zip:dist:[1,2)"}) {
      assertThat(Coordinates.parse(text)).hasToString(text);
    }
    assertThat(Coordinates.parse("g:a:zip:dist:1").versionlessId()).isEqualTo("g:a:zip:dist");
  }

  @Test
  void rejectsMalformedCoordinates() {
    for (String text : new String[] {"g", "g:a", "g:a:b:c:d:1", "g::1", "g:a: ", "g:a:[1,2"}) {
      assertThatIllegalArgumentException().isThrownBy(() -> Coordinates.parse(text));
    }
  }

  @Test
  void exclusionsTakeWholeWildcards() {
    assertThat(Exclusion.parse("*:commons-logging"))
        .isEqualTo(new Exclusion("*", "commons-logging"));
    assertThatIllegalArgumentException().isThrownBy(() -> Exclusion.parse("org.*:x"));
    assertThatIllegalArgumentException().isThrownBy(() -> Exclusion.parse("g:a:v"));
  }
}
