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
 * Readies the JVM for the first PostgreSQL login on a second thread, so that the login is not the
 * JVM's first. Two steps:
 *
 * <ul>
 *   <li>{@link #preloadOnce()}, as soon as a PostgreSQL target is known: loads, without
 *       initializing them, the pgjdbc classes that a login and a query need (listed in {@value
 *       #CLASS_LIST}, made by diffing {@code -Xlog:class+load} of a successful run and a refused
 *       one), and looks up the JCA algorithms of SCRAM, which loads the providers. Work the login
 *       would do anyway, only earlier and beside the main thread's driver start-up and TCP
 *       handshake: no CPU is spent that the run would not spend, which matters under a CPU limit.
 *   <li>{@link #startOnce()}, while the server does not listen yet (db-wait has nothing else to
 *       do): the same, then has the JIT compile PBKDF2 and HMAC-SHA-256, which pgjdbc's SCRAM
 *       client uses (~90 ms with C1 only, ~240 ms tiered, when cold, on the benchmark's machine).
 * </ul>
 *
 * <p>Each runs once per process, on a daemon thread; keeps nothing it computes.
 */
final class LoginWarmUp {
  private static final AtomicBoolean PRELOADED = new AtomicBoolean();
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final int ITERATIONS = 4096; // PostgreSQL's scram_iterations default
  private static final int ROUNDS = 3;
  private static final String CLASS_LIST = "pgjdbc-login-classes.txt";

  private LoginWarmUp() {}

  /** Starts loading what the first login needs, unless it was started already. */
  static void preloadOnce() {
    if (PRELOADED.compareAndSet(false, true)) {
      start(LoginWarmUp::preload, "db-wait-login-preload", Thread.NORM_PRIORITY);
    }
  }

  /** Starts the whole warm-up, JIT compilation included, unless it ran already. */
  static void startOnce() {
    if (STARTED.compareAndSet(false, true)) {
      start(LoginWarmUp::compile, "db-wait-login-warm-up", Thread.MIN_PRIORITY);
    }
  }

  private static void start(Runnable task, String name, int priority) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.setPriority(priority);
    thread.start();
  }

  private static void preload() {
    loadLoginClasses();
    try {
      SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
      Mac.getInstance("HmacSHA256");
      MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException | RuntimeException ignored) {
      // Only a warm-up: the login itself reports any real problem.
    }
  }

  private static void compile() {
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
