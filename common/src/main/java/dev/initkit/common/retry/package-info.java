/**
 * The one retry mechanism every initkit tool uses: an overall {@link
 * dev.initkit.common.retry.Deadline} ({@code --timeout}), a {@link
 * dev.initkit.common.retry.Backoff} with full jitter ({@code --retry-initial}, {@code
 * --retry-max-interval}), and a {@link dev.initkit.common.retry.Retrier} that asks a {@link
 * dev.initkit.common.failure.FailureClassifier} whether each failure is worth another attempt.
 *
 * <p>Time, sleeping and randomness are injected ({@link dev.initkit.common.retry.Ticker}, {@link
 * dev.initkit.common.retry.Sleeper}, a {@link java.util.function.DoubleSupplier}) so tests run
 * instantly and never read the wall clock. The Retrier does not log: it reports every failed
 * attempt to a {@link dev.initkit.common.retry.RetryListener}, and the caller logs it.
 */
package dev.initkit.common.retry;
