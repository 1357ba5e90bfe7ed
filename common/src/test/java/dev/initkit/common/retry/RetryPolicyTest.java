package dev.initkit.common.retry;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void acceptsSmallIntervalsForAToolThatMustNoticeQuickly() {
    RetryPolicy policy = RetryPolicy.of(ofSeconds(60), ofMillis(10), ofMillis(100));

    assertThat(policy.retryInitial()).isEqualTo(ofMillis(10));
    assertThat(policy.retryMaxInterval()).isEqualTo(ofMillis(100));
  }

  @Test
  void acceptsEqualInitialAndMaximumForAFixedCap() {
    assertThat(RetryPolicy.of(ofSeconds(60), ofSeconds(1), ofSeconds(1)).retryInitial())
        .isEqualTo(ofSeconds(1));
  }

  @Test
  void defaultsToRetryingTransientCausesWithoutAnAttemptLimit() {
    RetryPolicy policy = RetryPolicy.of(ofSeconds(60), ofSeconds(1), ofSeconds(30));

    assertThat(policy.retryPermanent()).isFalse();
    assertThat(policy.limitsAttempts()).isFalse();
    assertThat(policy.withMaxAttempts(1).limitsAttempts()).isTrue();
    assertThat(policy.withRetryPermanent(true).retryPermanent()).isTrue();
  }

  @Test
  void acceptsAZeroTimeoutMeaningNoDeadline() {
    assertThat(RetryPolicy.of(Duration.ZERO, ofSeconds(1), ofSeconds(30)).timeout()).isZero();
  }

  @Test
  void rejectsAnInitialIntervalAboveTheMaximumNamingBothFlags() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RetryPolicy.of(ofSeconds(60), ofSeconds(5), ofSeconds(1)))
        .withMessage("--retry-initial (5s) cannot exceed --retry-max-interval (1s)");
  }

  @Test
  void rejectsAZeroInitialIntervalThatWouldBusyLoop() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RetryPolicy.of(ofSeconds(60), Duration.ZERO, ofSeconds(1)))
        .withMessage("--retry-initial must be more than 0, like 100ms: 0s");
  }

  @Test
  void rejectsANegativeTimeout() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RetryPolicy.of(ofSeconds(-1), ofSeconds(1), ofSeconds(1)))
        .withMessage("--timeout cannot be negative: -1s");
  }

  @Test
  void rejectsANegativeInitialInterval() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RetryPolicy.of(ofSeconds(1), ofSeconds(-1), ofSeconds(1)));
  }

  @Test
  void rejectsANegativeNumberOfAttempts() {
    RetryPolicy policy = RetryPolicy.of(ofSeconds(60), ofSeconds(1), ofSeconds(30));

    assertThatIllegalArgumentException().isThrownBy(() -> policy.withMaxAttempts(-1));
  }

  @Test
  void rejectsMissingDurations() {
    assertThatNullPointerException()
        .isThrownBy(() -> RetryPolicy.of(null, ofSeconds(1), ofSeconds(1)));
  }
}
