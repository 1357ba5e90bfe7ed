package dev.initkit.common.publish;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The hidden names a run uses around one destination. All live in one directory (the destination's
 * parent for an ordinary path, the destination itself for a mount point) so that renames stay on
 * one file system, and a later run can find what a killed run left behind.
 */
final class StagingNames {
  private static final String RANDOM_PATTERN = "[0-9a-f]{16}";

  private final Path directory;
  private final String prefix;

  private StagingNames(Path directory, String prefix) {
    this.directory = directory;
    this.prefix = prefix;
  }

  /** Names next to {@code dest}: {@code .<destname>.initkit-…} in its parent. */
  static StagingNames beside(Path dest) {
    Path absolute = dest.toAbsolutePath();
    return new StagingNames(absolute.getParent(), "." + absolute.getFileName() + ".initkit-");
  }

  /** Names inside a mount point {@code dest}: {@code .initkit-…}. */
  static StagingNames inside(Path dest) {
    return new StagingNames(dest.toAbsolutePath(), PublishedResult.ENTRY_PREFIX);
  }

  Path directory() {
    return directory;
  }

  Path lock() {
    return directory.resolve(prefix + "lock");
  }

  Path newStaging() {
    return directory.resolve(prefix + "staging-" + randomSuffix());
  }

  Path newOld() {
    return directory.resolve(prefix + "old-" + randomSuffix());
  }

  boolean isStaging(Path entry) {
    return matches(entry, "staging-");
  }

  boolean isOld(Path entry) {
    return matches(entry, "old-");
  }

  private boolean matches(Path entry, String kind) {
    String name = entry.getFileName().toString();
    return name.startsWith(prefix + kind)
        && Pattern.matches(RANDOM_PATTERN, name.substring(prefix.length() + kind.length()));
  }

  /**
   * Unique, not secret: the lock already keeps runs apart, so a plain random number will do, and
   * SecureRandom's seeding costs a short-lived process about 30 ms.
   */
  private static String randomSuffix() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
