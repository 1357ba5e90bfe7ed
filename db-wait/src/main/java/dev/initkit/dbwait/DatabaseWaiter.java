package dev.initkit.dbwait;

import dev.initkit.common.failure.Classification;
import dev.initkit.common.failure.ExitCode;
import dev.initkit.common.failure.FailureClassifier;
import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.log.Log;
import dev.initkit.common.retry.AttemptFailure;
import dev.initkit.common.retry.AttemptLog;
import dev.initkit.common.retry.Deadline;
import dev.initkit.common.retry.Retrier;
import dev.initkit.common.units.Durations;
import dev.initkit.dbwait.jdbc.JdbcProbe;
import dev.initkit.dbwait.probe.DatabaseTarget;
import dev.initkit.dbwait.probe.HttpProbe;
import dev.initkit.dbwait.probe.HttpTarget;
import dev.initkit.dbwait.probe.NotReadyException;
import dev.initkit.dbwait.probe.Probe;
import dev.initkit.dbwait.probe.ProbeSuccess;
import dev.initkit.dbwait.probe.Target;
import dev.initkit.dbwait.probe.TcpProbe;
import dev.initkit.dbwait.probe.TcpTarget;
import dev.initkit.dbwait.sql.InitSqlResult;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits until every target is ready, each in its own thread under one deadline, and tells how each
 * wait ended. It never throws for a target that failed: the caller gets every target's result and
 * the worst exit code.
 */
public final class DatabaseWaiter {
  private final Log log;

  public DatabaseWaiter(Log log) {
    this.log = log;
  }

  /**
   * Waits for all targets.
   *
   * @throws InterruptedException when the run is stopped (SIGTERM); the waits are cancelled
   */
  public WaitResult waitFor(WaitOptions options) throws InterruptedException {
    Deadline deadline = Deadline.after(options.retry().timeout());
    List<Probe> probes = new ArrayList<>();
    for (Target target : options.targets()) {
      probes.add(probeFor(target, options));
    }
    if (probes.size() == 1) {
      return new WaitResult(List.of(waitForOne(probes.get(0), options, deadline)));
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            probes.size(),
            task -> {
              Thread thread = new Thread(task, "db-wait-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<TargetResult>> futures = new ArrayList<>();
      for (Probe probe : probes) {
        futures.add(pool.submit(() -> waitForOne(probe, options, deadline)));
      }
      List<TargetResult> results = new ArrayList<>();
      for (Future<TargetResult> future : futures) {
        results.add(resultOf(future));
      }
      return new WaitResult(results);
    } finally {
      // On SIGTERM this interrupts the other waits, which stop at their next sleep.
      pool.shutdownNow();
    }
  }

  private static TargetResult resultOf(Future<TargetResult> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException bug) {
        throw bug;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      // waitForOne throws nothing checked but InterruptedException: the run was stopped.
      InterruptedException stopped = new InterruptedException("a wait was interrupted");
      stopped.initCause(e.getCause());
      throw stopped;
    }
  }

  private Probe probeFor(Target target, WaitOptions options) {
    if (target instanceof DatabaseTarget database) {
      return new JdbcProbe(database, options.checks(), options.setup(), log);
    }
    if (target instanceof TcpTarget tcp) {
      if (tcp.port() == 3306) {
        log.warn(
            "a bare TCP probe of port 3306 counts as an aborted connection on MySQL and can "
                + "get this host blocked (max_connect_errors): use a jdbc:mysql:// URL",
            "target",
            tcp.display());
      }
      return new TcpProbe(tcp, options.checks().connectTimeout());
    }
    HttpTarget http = (HttpTarget) target;
    return new HttpProbe(http, options.checks().connectTimeout(), options.checks().queryTimeout());
  }

  private TargetResult waitForOne(Probe probe, WaitOptions options, Deadline deadline)
      throws InterruptedException {
    Target target = probe.target();
    AttemptLog attemptLog = new AttemptLog(log, AttemptLog.DEFAULT_INTERVAL);
    AtomicReference<AttemptFailure> lastFailure = new AtomicReference<>();
    // Causes that cost the server nothing and end soon get the short fixed pace; see Probe.
    Retrier retrier =
        Retrier.create(options.retry(), classifier(probe))
            .withFixedInterval(options.pollInterval(), probe::quickToRetry)
            .withListener(
                failure -> {
                  lastFailure.set(failure);
                  attemptLog.attemptFailed(failure);
                });
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger streak = new AtomicInteger();
    try {
      ProbeSuccess success =
          retrier.run(
              deadline,
              number -> {
                attempts.set(number);
                return checkInARow(probe, deadline, streak, options.successes());
              });
      Duration elapsed = deadline.elapsed();
      log.info(
          target.display() + " is ready",
          "attempts",
          attempts.get(),
          "after",
          Durations.format(elapsed.truncatedTo(ChronoUnit.MILLIS)),
          "server",
          success.serverVersion());
      InitSqlResult initSql = null;
      if (probe instanceof JdbcProbe jdbc && options.setup().hasInitScripts()) {
        // Its own run of the Retrier under the same deadline: a connection lost on the way is
        // retried (the scripts already recorded are skipped), a faulty script is not.
        initSql = retrier.run(deadline, number -> jdbc.applyInitScripts(deadline));
        log.info(
            "init scripts are in place on " + target.display(),
            "applied",
            initSql.applied(),
            "skipped",
            initSql.skipped());
      }
      return new TargetResult(
          target,
          ExitCode.OK,
          attempts.get(),
          elapsed,
          success.serverVersion(),
          lastCause(lastFailure.get()),
          null,
          initSql);
    } catch (InitkitException e) {
      log.error(e.getMessage(), e, false);
      return new TargetResult(
          target,
          e.exitCode(),
          attempts.get(),
          deadline.elapsed(),
          null,
          lastCause(lastFailure.get()),
          e.getMessage(),
          null);
    }
  }

  /** One check, counted towards --successes: only a run of successes makes the target ready. */
  private static ProbeSuccess checkInARow(
      Probe probe, Deadline deadline, AtomicInteger streak, int successes) throws Exception {
    ProbeSuccess success;
    try {
      success = probe.check(deadline);
    } catch (Exception e) {
      streak.set(0);
      throw e;
    }
    int run = streak.incrementAndGet();
    if (run < successes) {
      throw new NotReadyException(run + " of " + successes + " successful checks in a row");
    }
    return success;
  }

  /** The probe's classes, each reason naming the target (several may be awaited at once). */
  private static FailureClassifier classifier(Probe probe) {
    String name = probe.target().display();
    return failure -> {
      Classification c =
          failure instanceof NotReadyException notReady
              ? Classification.transientCause(notReady.getMessage())
              : probe.classifier().classify(failure);
      return new Classification(c.failureClass(), name + ": " + c.reason());
    };
  }

  private static String lastCause(AttemptFailure last) {
    if (last == null) {
      return null;
    }
    Classification c = last.classification();
    return c.failureClass().label() + ": " + c.reason();
  }
}
