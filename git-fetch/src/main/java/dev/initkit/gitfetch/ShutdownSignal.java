package dev.initkit.gitfetch;

/**
 * Tells long library loops that the JVM is shutting down (SIGTERM). Common's {@code ShutdownGuard}
 * interrupts the working thread and cleans up staging; this only adds a flag that stays raised,
 * because JGit clears the interrupt flag around its timed reads, so an interrupt that lands there
 * is lost. JGit's progress checks ask this flag too ({@link ProgressSource#cancelled()}).
 */
public final class ShutdownSignal implements AutoCloseable {
  private final Thread hook;
  private volatile boolean raised;

  private ShutdownSignal() {
    this.hook = new Thread(() -> raised = true, "git-fetch-shutdown-signal");
  }

  /** Raised when the JVM starts shutting down, until closed. */
  public static ShutdownSignal open() {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime().addShutdownHook(signal.hook);
    return signal;
  }

  /** A signal that is never raised, for callers without a JVM to watch. */
  public static ShutdownSignal never() {
    return new ShutdownSignal();
  }

  public boolean isRaised() {
    return raised;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNeverAdded) {
      // Either the hook is running now, or this signal was never registered.
    }
  }
}
