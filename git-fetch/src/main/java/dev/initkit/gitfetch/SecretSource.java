package dev.initkit.gitfetch;

import dev.initkit.common.cli.Secret;
import dev.initkit.common.failure.UsageException;

/**
 * A secret read when it is needed: a file is re-read on each attempt, so a rotated Kubernetes
 * Secret is picked up without a restart.
 */
@FunctionalInterface
public interface SecretSource {
  Secret read() throws UsageException;

  static SecretSource of(Secret fixed) {
    return () -> fixed;
  }
}
