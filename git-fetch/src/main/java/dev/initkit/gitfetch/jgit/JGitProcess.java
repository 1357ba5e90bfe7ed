package dev.initkit.gitfetch.jgit;

/**
 * JGit's process-wide settings for git-fetch, made once, by the first {@link JGitClient}: JGit
 * keeps its system reader, pack cache, file system and shutdown hook in statics.
 */
final class JGitProcess {
  private static boolean configured;

  private JGitProcess() {}

  /** Idempotent. Runs after the launcher has named SLF4J's provider, before JGit's first use. */
  static synchronized void configure() {
    if (configured) {
      return;
    }
    // First: JGit's file-system code registers the shutdown hook as it initializes.
    JGitShutdownHook.leaveOut();
    // Done while the fetch connects and the server packs.
    JGitMessages.preload();
    HermeticSystemReader.install();
    PackWindowCache.install();
    FixedUmask.install();
    configured = true;
  }
}
