package dev.initkit.dbwait.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Readies the JVM for a SCRAM-SHA-256 login while db-wait has nothing else to do (the server is not
 * there yet): loads the JCA providers and has the JIT compile PBKDF2 and HMAC-SHA-256, which
 * pgjdbc's SCRAM client uses. Otherwise the first successful login after a server comes up pays for
 * both, measured at ~90 ms (C1 only) to ~240 ms (tiered) on the machines of the benchmark, between
 * the server accepting and db-wait's exit.
 *
 * <p>Runs once per process, on a low-priority daemon thread; computes nothing that is kept.
 */
final class ScramWarmUp {
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final int ITERATIONS = 4096; // PostgreSQL's scram_iterations default
  private static final int ROUNDS = 3;

  private ScramWarmUp() {}

  /** Starts the warm-up unless it ran already. */
  static void startOnce() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(ScramWarmUp::run, "db-wait-scram-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  private static void run() {
    try {
      SecureRandom random = new SecureRandom();
      byte[] salt = new byte[16];
      for (int round = 0; round < ROUNDS; round++) {
        random.nextBytes(salt);
        PBEKeySpec spec = new PBEKeySpec("warm-up".toCharArray(), salt, ITERATIONS, 256);
        byte[] salted =
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salted, "HmacSHA256"));
        byte[] clientKey = mac.doFinal("Client Key".getBytes(StandardCharsets.US_ASCII));
        MessageDigest.getInstance("SHA-256").digest(clientKey);
      }
    } catch (GeneralSecurityException | RuntimeException ignored) {
      // Only a warm-up: the login itself reports any real problem.
    }
  }
}
