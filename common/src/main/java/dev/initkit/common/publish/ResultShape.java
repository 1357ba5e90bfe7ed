package dev.initkit.common.publish;

/** Whether a tool's result is one file (env-render) or a directory tree (git-fetch). */
public enum ResultShape {
  /** {@link StagingArea#path()} is an empty file that the tool overwrites. */
  FILE,
  /** {@link StagingArea#path()} is an empty directory, created for the tool. */
  DIRECTORY
}
