package dev.initkit.common.retry;

import dev.initkit.common.failure.Classification;
import dev.initkit.common.failure.DeadlineExceededException;
import dev.initkit.common.failure.FailureClassifier;
import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.JobFailedException;
import dev.initkit.common.units.Durations;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * Runs an {@link Attempt} until it succeeds, the failure is permanent, or the deadline passes.
 *
 * <p>What happens to what an attempt throws:
 *
 * <ul>
 *   <li>An {@link InitkitException} passes through unchanged: the attempt already knows what it
 *       means (a usage error found late, a checksum mismatch with its own message).
 *   <li>An {@link InterruptedException}, or any failure while the thread's interrupt flag is set,
 *       ends the run with an {@link InterruptedException}; see "Interruption" below.
 *   <li>A {@link RuntimeException} other than {@link UncheckedIOException} passes through
 *       unchanged: it is a bug, not the outside world failing, and must keep its stack trace and
 *       exit 1 as a bug. Adapters whose library reports outside-world faults unchecked wrap them in
 *       a checked exception inside the attempt.
 *   <li>Any other exception goes to the {@link FailureClassifier}. A permanent cause throws {@link
 *       JobFailedException} at once, unless {@link RetryPolicy#retryPermanent()}; a transient one
 *       waits the {@link Backoff} and tries again.
 * </ul>
 *
 * <p>Two paces: every transient cause waits the full-jitter {@link Backoff}, except the causes
 * given to {@link #withFixedInterval}, which wait that fixed interval instead. A tool whose job is
 * to notice something quickly uses it for causes that cost the other side nothing and end soon (a
 * refused connection while a server starts); such waits do not count towards the backoff, so the
 * first cause that backs off after them starts from {@link RetryPolicy#retryInitial()}.
 *
 * <p>The deadline: each wait is capped at the time remaining, so the last wait ends at the deadline
 * and one last attempt is made there (the thing awaited may have come up during the wait). If that
 * attempt fails too, or an attempt fails after the deadline has passed, the run throws {@link
 * DeadlineExceededException} naming the timeout and the last cause with its class: {@code timed out
 * after 30s (7 attempts); last cause (transient): connection refused: ...}. The first attempt is
 * always made, even with a deadline already passed. With {@link RetryPolicy#maxAttempts()} reached
 * first, it throws {@link JobFailedException}: {@code gave up after 5 attempts; last cause
 * (transient): ...}.
 *
 * <p>Interruption: SIGTERM handling interrupts the working thread. The Retrier then stops promptly
 * (the wait is interruptible and no further attempt starts) and throws {@link
 * InterruptedException}, with the interrupt flag cleared as that exception's contract says; the
 * caller can tell a cancelled run from a failed one by the type. The last failure, if any, is its
 * cause.
 *
 * <p>Instances are immutable and may be shared; each {@link #run} has its own attempt count.
 */
public final class Retrier {
  private final RetryPolicy policy;
  private final FailureClassifier classifier;
  private final RetryListener listener;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Duration fixedInterval;
  private final Predicate<? super Exception> fixedIntervalCauses;

  private Retrier(
      RetryPolicy policy,
      FailureClassifier classifier,
      RetryListener listener,
      Ticker ticker,
      Sleeper sleeper,
      DoubleSupplier random,
      Duration fixedInterval,
      Predicate<? super Exception> fixedIntervalCauses) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
    this.fixedInterval = Objects.requireNonNull(fixedInterval, "fixedInterval");
    this.fixedIntervalCauses = Objects.requireNonNull(fixedIntervalCauses, "fixedIntervalCauses");
  }

  /** A Retrier on the system clock and randomness, telling no one of failed attempts. */
  public static Retrier create(RetryPolicy policy, FailureClassifier classifier) {
    return new Retrier(
        policy,
        classifier,
        RetryListener.NONE,
        Ticker.SYSTEM,
        Sleeper.SYSTEM,
        () -> ThreadLocalRandom.current().nextDouble(),
        Duration.ZERO,
        failure -> false);
  }

  /** This Retrier, telling the listener of every failed attempt. */
  public Retrier withListener(RetryListener listener) {
    return new Retrier(
        policy, classifier, listener, ticker, sleeper, random, fixedInterval, fixedIntervalCauses);
  }

  /** This Retrier on another clock; tests pass one whose sleeping advances its time. */
  public Retrier withClock(Ticker ticker, Sleeper sleeper) {
    return new Retrier(
        policy, classifier, listener, ticker, sleeper, random, fixedInterval, fixedIntervalCauses);
  }

  /** This Retrier drawing its jitter from the given uniform values in {@code [0, 1)}. */
  public Retrier withRandom(DoubleSupplier random) {
    return new Retrier(
        policy, classifier, listener, ticker, sleeper, random, fixedInterval, fixedIntervalCauses);
  }

  /**
   * This Retrier, waiting the given fixed interval (never past the deadline) after a transient
   * failure that {@code causes} accepts, instead of the backoff. Permanent causes, the deadline and
   * the attempt limit are judged as always.
   *
   * @param interval more than zero: zero would retry in a busy loop
   * @param causes which failures get the fixed interval; asked only for transient ones (or
   *     permanent ones retried under {@link RetryPolicy#retryPermanent()})
   * @throws IllegalArgumentException if the interval is not more than zero
   */
  public Retrier withFixedInterval(Duration interval, Predicate<? super Exception> causes) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the fixed interval must be more than 0: " + interval);
    }
    return new Retrier(policy, classifier, listener, ticker, sleeper, random, interval, causes);
  }

  public RetryPolicy policy() {
    return policy;
  }

  /**
   * A deadline from the policy's timeout, starting now on this Retrier's clock. Start it before
   * {@link #run(Deadline, Attempt)} when the attempts need it too, to bound their own I/O.
   */
  public Deadline startDeadline() {
    return Deadline.after(policy.timeout(), ticker);
  }

  /** Runs the attempt under a deadline from the policy's timeout, starting now. */
  public <T> T run(Attempt<T> attempt) throws InitkitException, InterruptedException {
    return run(startDeadline(), attempt);
  }

  /**
   * Runs the attempt until it succeeds, under the given deadline.
   *
   * @return what the successful attempt returned
   * @throws JobFailedException on a permanent cause, or when the attempts ran out
   * @throws DeadlineExceededException when the deadline passed
   * @throws InitkitException whatever the attempt threw of that kind, unchanged
   * @throws InterruptedException when the thread was interrupted
   */
  public <T> T run(Deadline deadline, Attempt<T> attempt)
      throws InitkitException, InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before the first attempt");
    }
    Backoff backoff = new Backoff(policy.retryInitial(), policy.retryMaxInterval(), random);
    int backedOff = 0;
    for (int number = 1; ; number++) {
      Exception failure;
      try {
        return attempt.run(number);
      } catch (InitkitException | InterruptedException passThrough) {
        throw passThrough;
      } catch (UncheckedIOException e) {
        failure = e;
      } catch (RuntimeException bug) {
        throw bug;
      } catch (Exception e) {
        failure = e;
      }
      if (Thread.interrupted()) {
        throw cancelled(number, failure);
      }
      Classification classification = classifier.classify(failure);
      Optional<InitkitException> end = verdict(number, classification, failure, deadline);
      if (end.isPresent()) {
        listener.attemptFailed(
            new AttemptFailure(number, classification, failure, Optional.empty()));
        throw end.get();
      }
      Duration delay;
      if (!fixedInterval.isZero() && fixedIntervalCauses.test(failure)) {
        Duration remaining = deadline.remaining();
        delay = fixedInterval.compareTo(remaining) > 0 ? remaining : fixedInterval;
      } else {
        delay = backoff.delay(++backedOff, deadline);
      }
      listener.attemptFailed(
          new AttemptFailure(number, classification, failure, Optional.of(delay)));
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        throw cancelled(number, failure);
      }
      if (Thread.interrupted()) {
        throw cancelled(number, failure);
      }
    }
  }

  /** The exception that ends the run after this failure, or empty to try again. */
  private Optional<InitkitException> verdict(
      int number, Classification classification, Exception failure, Deadline deadline) {
    if (!classification.isTransient() && !policy.retryPermanent()) {
      return Optional.of(new JobFailedException(permanentMessage(number, classification), failure));
    }
    if (deadline.isExpired()) {
      String message =
          "timed out after "
              + Durations.format(deadline.timeout())
              + " ("
              + attempts(number)
              + "); "
              + lastCause(classification);
      return Optional.of(new DeadlineExceededException(message, failure));
    }
    if (policy.limitsAttempts() && number >= policy.maxAttempts()) {
      String message = "gave up after " + attempts(number) + "; " + lastCause(classification);
      return Optional.of(new JobFailedException(message, failure));
    }
    return Optional.empty();
  }

  private static String permanentMessage(int number, Classification classification) {
    // The reason says what to fix; the hint covers a cause misjudged as permanent in this setup.
    String where = number == 1 ? "failed" : "failed at attempt " + number;
    return where
        + " (permanent): "
        + classification.reason()
        + "; not retried (--retry-permanent retries such causes)";
  }

  private static String lastCause(Classification classification) {
    return "last cause (" + classification.failureClass().label() + "): " + classification.reason();
  }

  private static String attempts(int number) {
    return number == 1 ? "1 attempt" : number + " attempts";
  }

  private static InterruptedException cancelled(int number, Exception failure) {
    InterruptedException cancelled =
        new InterruptedException("interrupted after " + attempts(number));
    cancelled.initCause(failure);
    return cancelled;
  }
}
