package dev.initkit.common.retry;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {
  private final FakeClock clock = new FakeClock();

  @Test
  void expiresWhenTheTimeoutHasPassedOnTheTicker() {
    Deadline deadline = Deadline.after(ofSeconds(30), clock);

    clock.advance(ofSeconds(29));
    assertThat(deadline.isExpired()).isFalse();
    clock.advance(ofSeconds(1));
    assertThat(deadline.isExpired()).isTrue();
  }

  @Test
  void remainingCountsDownAndStopsAtZero() {
    Deadline deadline = Deadline.after(ofSeconds(30), clock);

    clock.advance(ofSeconds(10));
    assertThat(deadline.remaining()).isEqualTo(ofSeconds(20));
    assertThat(deadline.elapsed()).isEqualTo(ofSeconds(10));
    clock.advance(ofSeconds(60));
    assertThat(deadline.remaining()).isZero();
  }

  @Test
  void keepsCountingAcrossANanoTimeWrapAround() {
    // FakeClock starts a minute before Long.MAX_VALUE, so two minutes later it has wrapped.
    Deadline deadline = Deadline.after(Duration.ofMinutes(3), clock);

    clock.advance(Duration.ofMinutes(2));
    assertThat(clock.nanoTime()).isNegative();
    assertThat(deadline.remaining()).isEqualTo(Duration.ofMinutes(1));
    assertThat(deadline.isExpired()).isFalse();
  }

  @Test
  void zeroTimeoutMeansNoDeadline() {
    Deadline deadline = Deadline.after(Duration.ZERO, clock);

    clock.advance(Duration.ofDays(365));
    assertThat(deadline.isLimited()).isFalse();
    assertThat(deadline.isExpired()).isFalse();
    assertThat(deadline.remaining()).isEqualTo(Deadline.UNLIMITED);
    assertThat(Deadline.none(clock).isLimited()).isFalse();
  }

  @Test
  void timeoutIsKeptForMessages() {
    assertThat(Deadline.after(ofSeconds(30), clock).timeout()).isEqualTo(ofSeconds(30));
  }

  @Test
  void cutsAnEnormousTimeoutToWhatNanosecondsHold() {
    Deadline deadline = Deadline.after(Duration.ofDays(1_000_000), clock);

    assertThat(deadline.timeout()).isEqualTo(Deadline.UNLIMITED);
    assertThat(deadline.isExpired()).isFalse();
  }

  @Test
  void rejectsANegativeTimeout() {
    assertThatIllegalArgumentException().isThrownBy(() -> Deadline.after(ofSeconds(-1), clock));
  }
}
