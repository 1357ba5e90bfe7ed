package dev.initkit.common.publish;

/** How a result is swapped into its destination. */
public enum DestinationType {
  /** A mount point if the destination's device differs from its parent's, else an ordinary path. */
  DETECT,
  /** Staged next to the destination and renamed over it. */
  ORDINARY_PATH,
  /**
   * The destination cannot be renamed (a volume mounted there): entries are moved in and a
   * completion marker is written last.
   */
  MOUNT_POINT
}
