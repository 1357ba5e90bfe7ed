package dev.initkit.common.retry;

/**
 * One try at the job, run by a {@link Retrier} until it succeeds.
 *
 * <p>An attempt bounds its own I/O (connect and read timeouts, ideally from {@link
 * Deadline#remaining()}): the Retrier cannot stop an attempt that hangs, only decide what to do
 * when it returns or throws.
 *
 * @param <T> the result of a successful attempt
 */
@FunctionalInterface
public interface Attempt<T> {
  /**
   * @param attemptNumber 1 for the first attempt, 2 for the first retry, and so on
   * @return the result; the Retrier returns it to its caller
   * @throws Exception a failure, which the Retrier classifies (see {@link Retrier})
   */
  T run(int attemptNumber) throws Exception;
}
