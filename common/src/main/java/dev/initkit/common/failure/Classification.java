package dev.initkit.common.failure;

import java.util.Objects;

/**
 * What a classifier concluded about one failure: its class and a short human reason, such as
 * "connection refused" or "bad credentials: check the password file".
 */
public record Classification(FailureClass failureClass, String reason) {
  public Classification {
    Objects.requireNonNull(failureClass, "failureClass");
    Objects.requireNonNull(reason, "reason");
  }

  public static Classification transientCause(String reason) {
    return new Classification(FailureClass.TRANSIENT, reason);
  }

  public static Classification permanentCause(String reason) {
    return new Classification(FailureClass.PERMANENT, reason);
  }

  public boolean isTransient() {
    return failureClass == FailureClass.TRANSIENT;
  }
}
