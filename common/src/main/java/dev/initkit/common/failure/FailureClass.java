package dev.initkit.common.failure;

/** Whether trying again can help. */
public enum FailureClass {
  /** Connection refused, a name not yet resolvable, HTTP 5xx, a server starting up. */
  TRANSIENT,
  /** Bad credentials, an unknown repository or artifact, a checksum mismatch. */
  PERMANENT;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
