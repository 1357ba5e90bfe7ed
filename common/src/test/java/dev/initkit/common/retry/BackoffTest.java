package dev.initkit.common.retry;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffTest {

  @ParameterizedTest(name = "after failure {0} the cap is {1} ms")
  @CsvSource({"1, 1000", "2, 2000", "3, 4000", "4, 8000", "5, 16000", "6, 30000", "7, 30000"})
  void capDoublesFromInitialUpToTheMaximum(int failures, long capMillis) {
    Backoff backoff = new Backoff(ofSeconds(1), ofSeconds(30), () -> 0);

    assertThat(backoff.cap(failures)).isEqualTo(ofMillis(capMillis));
  }

  @ParameterizedTest(name = "after failure {0}")
  @ValueSource(ints = {62, 63, 64, 1000, Integer.MAX_VALUE})
  void capStaysAtTheMaximumAfterManyFailures(int failures) {
    Backoff backoff = new Backoff(Duration.ofNanos(1), ofSeconds(30), () -> 0.5);

    assertThat(backoff.cap(failures)).isEqualTo(ofSeconds(30));
    assertThat(backoff.delay(failures)).isEqualTo(ofSeconds(15));
  }

  @Test
  void delayIsTheRandomFractionOfTheCap() {
    assertThat(new Backoff(ofSeconds(1), ofSeconds(30), () -> 0.25).delay(3))
        .isEqualTo(ofSeconds(1));
    assertThat(new Backoff(ofSeconds(1), ofSeconds(30), () -> 0.0).delay(3)).isZero();
  }

  @Test
  void fullJitterStaysWithinCap() {
    Random random = new Random(42);
    Backoff backoff = new Backoff(ofMillis(100), ofSeconds(10), random::nextDouble);

    for (int failures = 1; failures <= 20; failures++) {
      Duration cap = backoff.cap(failures);
      for (int draw = 0; draw < 200; draw++) {
        assertThat(backoff.delay(failures)).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(cap);
      }
    }
  }

  @Test
  void fullJitterSpreadsOverTheWholeInterval() {
    // Full jitter, not "equal jitter": waits near zero and near the cap both occur.
    Random random = new Random(7);
    Backoff backoff = new Backoff(ofSeconds(10), ofSeconds(10), random::nextDouble);

    List<Duration> delays = IntStream.range(0, 1000).mapToObj(i -> backoff.delay(1)).toList();
    assertThat(delays).anyMatch(d -> d.compareTo(ofSeconds(1)) < 0);
    assertThat(delays).anyMatch(d -> d.compareTo(ofSeconds(9)) > 0);
  }

  @Test
  void largestRandomValueStaysBelowTheCap() {
    Backoff backoff = new Backoff(ofSeconds(1), ofSeconds(1), () -> Math.nextDown(1.0));

    assertThat(backoff.delay(1)).isLessThan(ofSeconds(1));
  }

  @Test
  void neverSleepsPastDeadline() {
    FakeClock clock = new FakeClock();
    Deadline deadline = Deadline.after(ofSeconds(10), clock);
    Backoff backoff = new Backoff(ofSeconds(8), ofSeconds(8), () -> 0.99);
    clock.advance(ofSeconds(7));

    assertThat(backoff.delay(1, deadline)).isEqualTo(ofSeconds(3));
    clock.advance(ofSeconds(5));
    assertThat(backoff.delay(1, deadline)).isZero();
  }

  @Test
  void withoutADeadlineTheDelayIsNotCut() {
    FakeClock clock = new FakeClock();
    Backoff backoff = new Backoff(ofSeconds(8), ofSeconds(8), () -> 0.5);

    assertThat(backoff.delay(1, Deadline.none(clock))).isEqualTo(ofSeconds(4));
  }

  @Test
  void rejectsAnInitialIntervalAboveTheMaximum() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Backoff(ofSeconds(2), ofSeconds(1), () -> 0));
  }

  @Test
  void rejectsAZeroInitialInterval() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Backoff(Duration.ZERO, ofSeconds(1), () -> 0));
  }

  @Test
  void rejectsFailureNumbersBelowOne() {
    Backoff backoff = new Backoff(ofSeconds(1), ofSeconds(1), () -> 0);

    assertThatIllegalArgumentException().isThrownBy(() -> backoff.delay(0));
  }

  @ParameterizedTest(name = "random {0}")
  @ValueSource(doubles = {-0.1, 1.0, 1.5, Double.NaN})
  void refusesRandomValuesOutsideTheUnitInterval(double value) {
    Backoff backoff = new Backoff(ofSeconds(1), ofSeconds(1), () -> value);

    assertThatIllegalStateException().isThrownBy(() -> backoff.delay(1));
  }

  @Test
  void systemRandomStaysWithinCap() {
    Backoff backoff = Backoff.withSystemRandom(ofMillis(10), ofMillis(40));

    for (int i = 0; i < 100; i++) {
      assertThat(backoff.delay(5)).isLessThan(ofMillis(40));
    }
  }
}
