package dev.initkit.dbwait.probe;

import dev.initkit.common.cli.Secret;
import java.io.IOException;

/**
 * Where a password comes from, asked on every attempt: a {@code --password-file} is read again each
 * time, so a Secret rotated while db-wait waits is picked up.
 */
@FunctionalInterface
public interface PasswordSource {
  /**
   * The password now, or null for none.
   *
   * @throws IOException when its file cannot be read any more
   */
  Secret current() throws IOException;

  /** No password. */
  PasswordSource NONE = () -> null;

  /** A password that does not change (a literal option, a variable). */
  static PasswordSource fixed(Secret secret) {
    return () -> secret;
  }
}
