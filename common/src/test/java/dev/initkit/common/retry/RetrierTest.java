package dev.initkit.common.retry;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.common.failure.Classification;
import dev.initkit.common.failure.DeadlineExceededException;
import dev.initkit.common.failure.ExitCode;
import dev.initkit.common.failure.FailureClassifier;
import dev.initkit.common.failure.JobFailedException;
import dev.initkit.common.failure.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RetrierTest {
  private static final RetryPolicy POLICY =
      RetryPolicy.of(ofSeconds(30), ofSeconds(1), ofSeconds(8));

  /** Transient for "refused", permanent for "denied", like a library's adapter would say. */
  private static final FailureClassifier CLASSIFIER =
      failure ->
          failure.getMessage().contains("denied")
              ? Classification.permanentCause("access denied: check the password file")
              : Classification.transientCause("connection refused");

  private final FakeClock clock = new FakeClock();
  private final List<AttemptFailure> heard = new ArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();

  @AfterEach
  void clearInterruptFlag() {
    Thread.interrupted();
  }

  private Retrier retrier(RetryPolicy policy) {
    return Retrier.create(policy, CLASSIFIER)
        .withClock(clock, clock)
        .withRandom(() -> 0.5)
        .withListener(heard::add);
  }

  /** An attempt that fails with the given messages in turn, then returns "done". */
  private Attempt<String> failing(String... messages) {
    return number -> {
      attempts.incrementAndGet();
      if (number <= messages.length) {
        throw new ConnectException(messages[number - 1]);
      }
      return "done";
    };
  }

  /** An attempt that always fails with the given message. */
  private Attempt<String> alwaysFailing(String message) {
    return number -> {
      attempts.incrementAndGet();
      throw new ConnectException(message);
    };
  }

  @Test
  void retriesTransientFailureUntilSuccess() throws Exception {
    String result = retrier(POLICY).run(failing("refused", "refused", "refused"));

    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(4);
    // Half of each cap (random 0.5): caps 1s, 2s, 4s.
    assertThat(clock.sleeps()).containsExactly(ofMillis(500), ofSeconds(1), ofSeconds(2));
  }

  @Test
  void numbersAttemptsFromOne() throws Exception {
    List<Integer> numbers = new ArrayList<>();

    retrier(POLICY)
        .run(
            number -> {
              numbers.add(number);
              if (number < 3) {
                throw new ConnectException("refused");
              }
              return number;
            });

    assertThat(numbers).containsExactly(1, 2, 3);
  }

  @Test
  void tellsTheListenerOfEveryFailedAttemptWithItsClass() throws Exception {
    retrier(POLICY).run(failing("refused", "refused"));

    assertThat(heard)
        .extracting(AttemptFailure::describe)
        .containsExactly(
            "attempt 1 failed (transient: connection refused), retrying in 500ms",
            "attempt 2 failed (transient: connection refused), retrying in 1s");
    assertThat(heard.get(0).failure()).hasMessage("refused");
    assertThat(heard.get(0).willRetry()).isTrue();
  }

  @Test
  void stopsAtFirstPermanentFailure() {
    assertThatExceptionOfType(JobFailedException.class)
        .isThrownBy(() -> retrier(POLICY).run(failing("denied")))
        .withMessage(
            "failed (permanent): access denied: check the password file;"
                + " not retried (--retry-permanent retries such causes)")
        .withCauseInstanceOf(ConnectException.class)
        .satisfies(e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED));
    assertThat(attempts).hasValue(1);
    assertThat(clock.sleeps()).isEmpty();
    assertThat(heard)
        .extracting(AttemptFailure::describe)
        .containsExactly(
            "attempt 1 failed (permanent: access denied: check the password file), giving up");
  }

  @Test
  void permanentFailureAfterTransientOnesNamesTheAttempt() {
    assertThatExceptionOfType(JobFailedException.class)
        .isThrownBy(() -> retrier(POLICY).run(failing("refused", "refused", "denied")))
        .withMessageStartingWith("failed at attempt 3 (permanent): access denied");
  }

  @Test
  void keepsRetryingPermanentWhenAsked() throws Exception {
    String result =
        retrier(POLICY.withRetryPermanent(true)).run(failing("denied", "denied", "refused"));

    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(4);
    // Still logged as permanent, so the user sees what was retried.
    assertThat(heard.get(0).describe())
        .startsWith("attempt 1 failed (permanent: access denied: check the password file)");
  }

  @Test
  void deadlineExceededCarriesLastTransientCause() {
    assertThatExceptionOfType(DeadlineExceededException.class)
        .isThrownBy(() -> retrier(POLICY).run(alwaysFailing("refused")))
        .withMessage(
            "timed out after 30s (11 attempts); last cause (transient): connection refused")
        .withCauseInstanceOf(ConnectException.class)
        .satisfies(e -> assertThat(e.exitCode()).isEqualTo(ExitCode.TIMEOUT));
    assertThat(heard.get(heard.size() - 1).willRetry()).isFalse();
  }

  @Test
  void deadlineExceededWhileRetryingPermanentNamesThePermanentCause() {
    assertThatExceptionOfType(DeadlineExceededException.class)
        .isThrownBy(() -> retrier(POLICY.withRetryPermanent(true)).run(alwaysFailing("denied")))
        .withMessageEndingWith("last cause (permanent): access denied: check the password file");
  }

  @Test
  void neverSleepsPastDeadline() {
    assertThatThrownBy(() -> retrier(POLICY).run(alwaysFailing("refused")))
        .isInstanceOf(DeadlineExceededException.class);

    // Waits of 0.5, 1, 2 and six of 4 s make 27.5 s; the next is cut to the 2.5 s left.
    assertThat(clock.sleeps())
        .containsExactly(
            ofMillis(500),
            ofSeconds(1),
            ofSeconds(2),
            ofSeconds(4),
            ofSeconds(4),
            ofSeconds(4),
            ofSeconds(4),
            ofSeconds(4),
            ofSeconds(4),
            ofMillis(2_500));
    assertThat(clock.totalSlept()).isEqualTo(ofSeconds(30));
  }

  @Test
  void makesOneLastAttemptAtTheDeadline() throws Exception {
    Attempt<String> upAtTheDeadline =
        number -> {
          attempts.incrementAndGet();
          if (clock.totalSlept().compareTo(ofSeconds(30)) < 0) {
            throw new ConnectException("refused");
          }
          return "up";
        };

    String result = retrier(POLICY).run(upAtTheDeadline);

    assertThat(result).isEqualTo("up");
    assertThat(attempts).hasValue(11);
  }

  @Test
  void slowAttemptsCountAgainstTheDeadline() {
    Attempt<String> slow =
        number -> {
          clock.advance(ofSeconds(20));
          throw new ConnectException("refused");
        };

    assertThatExceptionOfType(DeadlineExceededException.class)
        .isThrownBy(() -> retrier(POLICY).run(slow))
        .withMessageStartingWith("timed out after 30s (2 attempts)");
  }

  @Test
  void alwaysMakesTheFirstAttemptEvenPastTheDeadline() throws Exception {
    Deadline passed = Deadline.after(ofSeconds(1), clock);
    clock.advance(ofSeconds(5));

    String result = retrier(POLICY).run(passed, number -> "done");

    assertThat(result).isEqualTo("done");
  }

  @Test
  void withoutADeadlineRetriesUntilSuccess() throws Exception {
    RetryPolicy noDeadline = RetryPolicy.of(Duration.ZERO, ofSeconds(1), ofSeconds(8));
    String[] refusals = new String[100];
    Arrays.fill(refusals, "refused");

    assertThat(retrier(noDeadline).run(failing(refusals))).isEqualTo("done");
    assertThat(attempts).hasValue(101);
    assertThat(clock.totalSlept()).isGreaterThan(Duration.ofMinutes(5));
  }

  @Test
  void givesUpWhenTheAttemptsRunOut() {
    assertThatExceptionOfType(JobFailedException.class)
        .isThrownBy(() -> retrier(POLICY.withMaxAttempts(3)).run(alwaysFailing("refused")))
        .withMessage("gave up after 3 attempts; last cause (transient): connection refused");
    assertThat(attempts).hasValue(3);
    assertThat(clock.sleeps()).hasSize(2);
  }

  @Test
  void oneAttemptChecksOnceWithoutWaiting() {
    assertThatExceptionOfType(JobFailedException.class)
        .isThrownBy(() -> retrier(POLICY.withMaxAttempts(1)).run(alwaysFailing("refused")))
        .withMessage("gave up after 1 attempt; last cause (transient): connection refused");
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void quickNoticingPolicyKeepsEveryWaitShort() {
    RetryPolicy quick = RetryPolicy.of(ofSeconds(10), ofMillis(50), ofMillis(200));
    Retrier retrier = retrier(quick).withRandom(() -> Math.nextDown(1.0));

    assertThatThrownBy(() -> retrier.run(alwaysFailing("refused")))
        .isInstanceOf(DeadlineExceededException.class);
    assertThat(clock.sleeps()).allMatch(wait -> wait.compareTo(ofMillis(200)) < 0);
    assertThat(attempts.get()).isGreaterThan(50);
  }

  @Test
  void chosenCausesWaitTheFixedIntervalAndTheListenerHearsThatWait() throws Exception {
    Retrier retrier =
        retrier(POLICY)
            .withFixedInterval(ofMillis(50), failure -> failure.getMessage().contains("refused"));

    String result = retrier.run(failing("refused", "refused", "refused"));

    assertThat(result).isEqualTo("done");
    assertThat(clock.sleeps()).containsExactly(ofMillis(50), ofMillis(50), ofMillis(50));
    assertThat(heard).extracting(AttemptFailure::nextDelay).containsOnly(Optional.of(ofMillis(50)));
    assertThat(heard.get(0).describe()).endsWith("retrying in 50ms");
  }

  @Test
  void otherCausesBackOffFromTheFirstIntervalAfterFixedWaits() throws Exception {
    // The random draw is 0.5, so each backoff wait is half its cap: 500ms, then 1s.
    Retrier retrier =
        retrier(POLICY)
            .withFixedInterval(ofMillis(50), failure -> failure.getMessage().contains("refused"));

    retrier.run(failing("refused", "refused", "reset", "reset", "refused"));

    assertThat(clock.sleeps())
        .containsExactly(ofMillis(50), ofMillis(50), ofMillis(500), ofSeconds(1), ofMillis(50));
  }

  @Test
  void fixedIntervalNeverWaitsPastTheDeadline() {
    RetryPolicy shortTimeout = RetryPolicy.of(ofMillis(120), ofSeconds(1), ofSeconds(8));
    Retrier retrier = retrier(shortTimeout).withFixedInterval(ofMillis(50), failure -> true);

    assertThatThrownBy(() -> retrier.run(alwaysFailing("refused")))
        .isInstanceOf(DeadlineExceededException.class);
    assertThat(clock.sleeps()).containsExactly(ofMillis(50), ofMillis(50), ofMillis(20));
    assertThat(attempts.get()).isEqualTo(4);
  }

  @Test
  void fixedIntervalDoesNotRetryPermanentCauses() {
    Retrier retrier = retrier(POLICY).withFixedInterval(ofMillis(50), failure -> true);

    assertThatThrownBy(() -> retrier.run(alwaysFailing("access denied")))
        .isInstanceOf(JobFailedException.class);
    assertThat(attempts.get()).isEqualTo(1);
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void zeroFixedIntervalIsRefused() {
    assertThatThrownBy(() -> retrier(POLICY).withFixedInterval(Duration.ZERO, failure -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 0");
  }

  @Test
  void initkitExceptionPassesThroughUnchanged() {
    UsageException usage = new UsageException("template names an undefined variable: HOST");

    assertThatThrownBy(
            () ->
                retrier(POLICY)
                    .run(
                        number -> {
                          throw usage;
                        }))
        .isSameAs(usage);
    assertThat(heard).isEmpty();
  }

  @Test
  void bugPassesThroughUnchanged() {
    IllegalStateException bug = new IllegalStateException("bug");

    assertThatThrownBy(
            () ->
                retrier(POLICY)
                    .run(
                        number -> {
                          throw bug;
                        }))
        .isSameAs(bug);
    assertThat(heard).isEmpty();
  }

  @Test
  void uncheckedIoFailureIsClassifiedLikeAnyOther() throws Exception {
    Attempt<String> attempt =
        number -> {
          if (number == 1) {
            throw new UncheckedIOException(new IOException("refused"));
          }
          return "done";
        };

    assertThat(retrier(POLICY).run(attempt)).isEqualTo("done");
    assertThat(heard).hasSize(1);
  }

  @Test
  void worksWithTheSharedNetworkClassifier() {
    Retrier retrier =
        Retrier.create(POLICY.withMaxAttempts(2), FailureClassifier.NETWORK)
            .withClock(clock, clock)
            .withListener(heard::add);

    assertThatExceptionOfType(JobFailedException.class)
        .isThrownBy(() -> retrier.run(alwaysFailing("Connection refused")))
        .withMessage(
            "gave up after 2 attempts; last cause (transient): connection refused: Connection"
                + " refused");
  }

  @Test
  void interruptDuringTheWaitStopsWithoutAnotherAttempt() {
    Sleeper interrupted =
        duration -> {
          throw new InterruptedException("sleep interrupted");
        };
    Retrier retrier = retrier(POLICY).withClock(clock, interrupted);

    assertThatExceptionOfType(InterruptedException.class)
        .isThrownBy(() -> retrier.run(alwaysFailing("refused")))
        .withMessage("interrupted after 1 attempt")
        .withCauseInstanceOf(ConnectException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void interruptFlagSetDuringAnAttemptStopsTheRetries() {
    Attempt<String> interruptedMidway =
        number -> {
          attempts.incrementAndGet();
          // What a channel closed by interrupt does: set the flag and fail with an I/O error.
          Thread.currentThread().interrupt();
          throw new IOException("refused");
        };

    assertThatExceptionOfType(InterruptedException.class)
        .isThrownBy(() -> retrier(POLICY).run(interruptedMidway))
        .withCauseInstanceOf(IOException.class);
    assertThat(attempts).hasValue(1);
    assertThat(clock.sleeps()).isEmpty();
    assertThat(heard).isEmpty();
  }

  @Test
  void interruptedExceptionFromTheAttemptPassesThrough() {
    InterruptedException interrupt = new InterruptedException("stop");

    assertThatThrownBy(
            () ->
                retrier(POLICY)
                    .run(
                        number -> {
                          throw interrupt;
                        }))
        .isSameAs(interrupt);
  }

  @Test
  void alreadyInterruptedThreadMakesNoAttempt() {
    Thread.currentThread().interrupt();

    assertThatExceptionOfType(InterruptedException.class)
        .isThrownBy(() -> retrier(POLICY).run(alwaysFailing("refused")));
    assertThat(attempts).hasValue(0);
  }

  @Test
  // Guards against a hang if the wait ignored the interrupt; nothing here measures time.
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void interruptStopsTheWaitPromptly() throws Exception {
    RetryPolicy hourly = RetryPolicy.of(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(1));
    CountDownLatch failedOnce = new CountDownLatch(1);
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Retrier retrier =
        Retrier.create(hourly, CLASSIFIER)
            .withRandom(() -> 0.99)
            .withListener(failure -> failedOnce.countDown());
    Thread worker =
        new Thread(
            () -> {
              try {
                retrier.run(alwaysFailing("refused"));
              } catch (Throwable t) {
                outcome.set(t);
              }
            });

    worker.start();
    failedOnce.await();
    worker.interrupt();
    worker.join();

    assertThat(outcome.get())
        .isInstanceOf(InterruptedException.class)
        .hasCauseInstanceOf(ConnectException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void systemSleeperAnswersAnInterruptAtOnce() {
    Thread.currentThread().interrupt();

    assertThatExceptionOfType(InterruptedException.class)
        .isThrownBy(() -> Sleeper.SYSTEM.sleep(Duration.ZERO));
    Thread.currentThread().interrupt();
    assertThatExceptionOfType(InterruptedException.class)
        .isThrownBy(() -> Sleeper.SYSTEM.sleep(Duration.ofHours(1)));
  }
}
