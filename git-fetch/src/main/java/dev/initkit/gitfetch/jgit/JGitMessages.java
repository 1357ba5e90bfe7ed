package dev.initkit.gitfetch.jgit;

import org.eclipse.jgit.internal.JGitText;

/**
 * Loads JGit's message bundle on a thread of its own, as the first {@link JGitClient} is made
 * ({@link JGitProcess}). JGit needs it in every fetch, even when no message is shown (its progress
 * tasks are named from it), and loading it costs a service lookup through every jar of the class
 * path, the bundle file, then one reflective write per message: 60-70 ms of CPU on JDK 25. Started
 * with the client, it is done while the fetch connects and the server packs, and a run that only
 * prints its help or refuses its input does not pay for it. The bundle's classes (JGit's nls
 * package) use nothing else of JGit, so loading them beside the fetch cannot deadlock JGit's class
 * initialization; the bundle cache is shared, and a fetch that gets there first waits for the load
 * in progress.
 */
final class JGitMessages {
  private JGitMessages() {}

  /**
   * Starts the load ({@link JGitProcess}); a daemon, so that a run that ends early does not wait.
   */
  static void preload() {
    Thread thread = new Thread(JGitText::get, "git-fetch-messages");
    thread.setDaemon(true);
    thread.start();
  }
}
