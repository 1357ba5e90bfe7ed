package dev.initkit.dbwait.jdbc;

import java.io.IOException;
import java.io.InputStream;
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
 * Readies the JVM for the first PostgreSQL login while db-wait has nothing else to do (the server
 * is not there yet), so that the login after the server comes up is not the JVM's first:
 *
 * <ul>
 *   <li>loads the JCA providers and has the JIT compile PBKDF2 and HMAC-SHA-256, which pgjdbc's
 *       SCRAM client uses (~90 ms with C1 only, ~240 ms tiered, when cold, on the benchmark's
 *       machine);
 *   <li>loads, without initializing them, the pgjdbc classes that a login and a query need and a
 *       refused connection does not, listed in {@value #CLASS_LIST}.
 * </ul>
 *
 * <p>Runs once per process, on a low-priority daemon thread; keeps nothing it computes.
 */
final class LoginWarmUp {
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final int ITERATIONS = 4096; // PostgreSQL's scram_iterations default
  private static final int ROUNDS = 3;
  private static final String CLASS_LIST = "pgjdbc-login-classes.txt";

  private LoginWarmUp() {}

  /** Starts the warm-up unless it ran already. */
  static void startOnce() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(LoginWarmUp::run, "db-wait-login-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  private static void run() {
    loadLoginClasses();
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

  private static void loadLoginClasses() {
    ClassLoader loader = LoginWarmUp.class.getClassLoader();
    try (InputStream list = LoginWarmUp.class.getResourceAsStream(CLASS_LIST)) {
      if (list == null) {
        return;
      }
      for (String line : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String name = line.strip();
        if (name.isEmpty() || name.startsWith("#")) {
          continue;
        }
        try {
          Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError ignored) {
          // Another driver version: skip the name.
        }
      }
    } catch (IOException ignored) {
      // Only a warm-up.
    }
  }
}
