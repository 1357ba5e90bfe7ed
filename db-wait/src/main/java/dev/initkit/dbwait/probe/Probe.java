package dev.initkit.dbwait.probe;

import dev.initkit.common.failure.FailureClassifier;
import dev.initkit.common.retry.Deadline;

/** Checks one target once; the waiter repeats it under the shared retry policy. */
public interface Probe {
  Target target();

  /**
   * One attempt, bounded by its own timeouts and by the deadline.
   *
   * @return what the target said about itself
   * @throws NotReadyException when it answered but is not ready in the sense asked for
   * @throws Exception the failure, for {@link #classifier()}
   */
  ProbeSuccess check(Deadline deadline) throws Exception;

  /** Classifies what {@link #check} throws, other than {@link NotReadyException}. */
  FailureClassifier classifier();

  /**
   * Whether the failure is one that costs the server next to nothing and ends soon, so that polling
   * at a short fixed interval is right: nothing listens yet, or the server says it is starting up.
   * Other transient causes back off.
   */
  boolean quickToRetry(Exception failure);
}
