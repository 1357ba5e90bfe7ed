package dev.initkit.gitfetch.jgit;

import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FS_POSIX;

/**
 * Gives JGit a umask so that it does not run {@code sh -c umask} to learn it: a process started
 * (~30 ms) on every clone, when creating a repository probes whether the file system keeps
 * executable bits; in the images, which have no shell, the start fails. JGit uses the umask only to
 * choose the group and other execute bits of a file it marks executable itself, and the probe's
 * answer does not depend on them. git-fetch's writers give each file its mode, and publishing gives
 * the result the modes the options ask for.
 */
final class FixedUmask {
  /** The usual umask; see the class comment for why the exact value does not matter here. */
  static final int UMASK = 0022;

  private FixedUmask() {}

  /** Sets the umask of JGit's file system for the whole process. */
  static void install() {
    if (FS.DETECTED instanceof FS_POSIX posix) {
      posix.setUmask(UMASK);
    }
  }
}
