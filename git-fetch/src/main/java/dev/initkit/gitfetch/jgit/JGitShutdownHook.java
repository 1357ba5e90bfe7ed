package dev.initkit.gitfetch.jgit;

import org.eclipse.jgit.internal.util.CleanupService;

/**
 * Keeps JGit from adding its JVM shutdown hook, which costs the fetch's thread 20-30 ms at start:
 * to add it, JGit first loads its whole message bundle ({@link JGitMessages}), on whatever thread
 * touches its file-system code first, and that is the fetch's, well before the bundle's own thread
 * is done with it.
 *
 * <p>The hook has nothing to do in git-fetch. It deletes the lock files JGit still holds and stops
 * the thread that saves a file system's timestamp resolution to the user's git config. Every lock
 * git-fetch takes is inside a repository it is creating in a staging directory, which is discarded
 * whole when the run fails or is stopped (and found and removed by the next run after a SIGKILL,
 * which runs no hook either); the user's config is never written ({@link HermeticSystemReader});
 * and the process ends with {@code System.exit}, whatever threads are left.
 *
 * <p>How: {@link CleanupService}'s public constructor, meant for OSGi's declarative services, makes
 * the instance JGit uses one that keeps the cleanup for the framework to run instead of adding a
 * hook. No framework runs it here. {@code JGitShutdownHookTest} fails if a JGit release changes
 * that.
 */
final class JGitShutdownHook {
  private JGitShutdownHook() {}

  /**
   * For the whole process ({@link JGitProcess}), before JGit's file-system code first runs. Not
   * before the tool's launcher has named SLF4J's provider: the class this loads logs through SLF4J.
   */
  static void leaveOut() {
    new CleanupService();
  }
}
