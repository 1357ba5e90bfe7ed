package dev.initkit.gitfetch.jgit;

import org.eclipse.jgit.internal.JGitText;

/**
 * Loads JGit's message bundle on a thread of its own, as git-fetch starts. JGit loads it when the
 * fetch creates its repository (even when no message is shown): a service lookup through every jar
 * of the class path, the bundle file, then one reflective write per message, ~15-30 ms on the
 * fetch's thread. The bundle's classes (JGit's nls package) use nothing else of JGit, so loading
 * them beside the fetch cannot deadlock JGit's class initialization; the bundle cache is shared,
 * and a fetch that gets there first waits for the load in progress.
 */
public final class JGitMessages {
  private JGitMessages() {}

  /** Starts the load; a daemon, so that a run that ends early does not wait for it. */
  public static void preload() {
    Thread thread = new Thread(JGitText::get, "git-fetch-messages");
    thread.setDaemon(true);
    thread.start();
  }
}
