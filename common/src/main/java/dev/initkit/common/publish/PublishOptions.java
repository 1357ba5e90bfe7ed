package dev.initkit.common.publish;

import java.time.Duration;
import java.util.Objects;

/**
 * How to stage and publish one result.
 *
 * @param shape a single file or a directory
 * @param type how the swap is done; {@link DestinationType#DETECT} unless the caller knows better
 * @param modes permission bits given to the result before it becomes visible
 * @param lockWait how long to wait for another run on the same destination to finish
 */
public record PublishOptions(
    ResultShape shape, DestinationType type, FileModes modes, Duration lockWait) {

  /** Default wait for the lock: long enough for another Pod's run, short of hanging forever. */
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(5);

  public PublishOptions {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(modes, "modes");
    Objects.requireNonNull(lockWait, "lockWait");
    if (lockWait.isNegative()) {
      throw new IllegalArgumentException("lockWait must not be negative: " + lockWait);
    }
    if (shape == ResultShape.FILE && type == DestinationType.MOUNT_POINT) {
      throw new IllegalArgumentException(
          "a single-file result cannot be published to a mount point");
    }
  }

  /** A directory result with default modes, detected destination type and lock wait. */
  public static PublishOptions directory() {
    return new PublishOptions(
        ResultShape.DIRECTORY, DestinationType.DETECT, FileModes.defaults(), DEFAULT_LOCK_WAIT);
  }

  /** A single-file result with default modes, detected destination type and lock wait. */
  public static PublishOptions file() {
    return new PublishOptions(
        ResultShape.FILE, DestinationType.DETECT, FileModes.defaults(), DEFAULT_LOCK_WAIT);
  }

  public PublishOptions withType(DestinationType newType) {
    return new PublishOptions(shape, newType, modes, lockWait);
  }

  public PublishOptions withModes(FileModes newModes) {
    return new PublishOptions(shape, type, newModes, lockWait);
  }

  public PublishOptions withLockWait(Duration newLockWait) {
    return new PublishOptions(shape, type, modes, newLockWait);
  }
}
