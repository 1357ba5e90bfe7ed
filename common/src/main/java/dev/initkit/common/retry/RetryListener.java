package dev.initkit.common.retry;

/**
 * Hears of every failed attempt, so the caller can log each with its class. The {@link Retrier}
 * itself never logs. Called on the retrying thread, before the wait; a listener that throws ends
 * the retries with its exception.
 */
@FunctionalInterface
public interface RetryListener {
  void attemptFailed(AttemptFailure failure);

  /** Ignores everything. */
  RetryListener NONE = failure -> {};
}
