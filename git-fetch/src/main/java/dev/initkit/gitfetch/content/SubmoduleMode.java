package dev.initkit.gitfetch.content;

import java.util.Locale;

/**
 * Which submodules are checked out with the superproject, with git-sync's words and meanings:
 * {@code off} none, {@code shallow} those of the superproject only, {@code recursive} those and
 * theirs, all the way down. Each is fetched with the run's {@code --depth}.
 */
public enum SubmoduleMode {
  OFF,
  SHALLOW,
  RECURSIVE;

  /** The mode for a submodule's own submodules. */
  public SubmoduleMode nested() {
    return this == RECURSIVE ? RECURSIVE : OFF;
  }

  /** The word users write, as {@code --help} and the log show it. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
