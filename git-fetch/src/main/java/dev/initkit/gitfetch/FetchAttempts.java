package dev.initkit.gitfetch;

import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.JobFailedException;

/**
 * Runs one piece of remote work, retrying where that makes sense. Stands in for common's {@code
 * retry.Retrier} until it lands in main; it has the same contract: a failure that ends the run is a
 * {@link JobFailedException} (or a deadline exception) whose cause is the last {@link
 * GitRemoteException}, so callers can still see its class.
 */
public interface FetchAttempts {
  <T> T run(Attempt<T> attempt) throws InitkitException, InterruptedException;

  /** One try at the remote work. */
  @FunctionalInterface
  interface Attempt<T> {
    T run(int number) throws Exception;
  }

  /** One attempt, no retries: what git-fetch does until common's Retrier is wired in. */
  FetchAttempts ONCE =
      new FetchAttempts() {
        @Override
        public <T> T run(Attempt<T> attempt) throws InitkitException, InterruptedException {
          try {
            return attempt.run(1);
          } catch (InitkitException | InterruptedException | RuntimeException e) {
            throw e;
          } catch (GitRemoteException e) {
            throw new JobFailedException(
                "failed ("
                    + e.classification().failureClass().label()
                    + "): "
                    + e.classification().reason(),
                e);
          } catch (Exception e) {
            throw new JobFailedException("failed: " + e.getMessage(), e);
          }
        }
      };
}
