package dev.initkit.common.publish;

import dev.initkit.common.failure.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The permission bits a published result gets, applied to the staged tree before it becomes
 * visible. The main container usually runs as another uid than the tool, so results are
 * group-readable: 0644 for files, 0755 for directories, 0640 for files that may hold secrets.
 * Executable files stay executable wherever they are readable (0755, or 0750 for a secret one): a
 * checked-out script must still run. {@code --group-writable} adds g+w everywhere; {@code --mode}
 * sets the file mode explicitly (and directories get it plus x wherever it grants r, so they stay
 * listable).
 *
 * <p>Immutable; each {@code with…} method returns a new policy.
 */
public final class FileModes {
  static final int DEFAULT_FILE = 0644;
  static final int DEFAULT_DIRECTORY = 0755;
  static final int SECRET_FILE = 0640;
  private static final int GROUP_WRITE = 0020;
  private static final Predicate<Path> NO_SECRETS = relative -> false;

  private final Integer explicitFileMode;
  private final boolean groupWritable;
  private final Predicate<Path> secret;

  private FileModes(Integer explicitFileMode, boolean groupWritable, Predicate<Path> secret) {
    this.explicitFileMode = explicitFileMode;
    this.groupWritable = groupWritable;
    this.secret = secret;
  }

  /** 0644 for files, 0755 for directories, no file flagged as secret. */
  public static FileModes defaults() {
    return new FileModes(null, false, NO_SECRETS);
  }

  /**
   * Flags files that may hold secrets (they get 0640). The predicate sees each file's path relative
   * to the result's root; when the result is a single file it sees the empty path.
   */
  public FileModes withSecretFiles(Predicate<Path> isSecret) {
    return new FileModes(explicitFileMode, groupWritable, Objects.requireNonNull(isSecret));
  }

  /** Flags every file of the result as secret-bearing (e.g. a rendered file with passwords). */
  public FileModes allSecret() {
    return withSecretFiles(relative -> true);
  }

  /** Adds g+w to every file and directory, for a main container that must write there too. */
  public FileModes groupWritable() {
    return new FileModes(explicitFileMode, true, secret);
  }

  /** Gives every file exactly {@code mode} (0 to 0777); it wins over the secret flag. */
  public FileModes withFileMode(int mode) {
    if (mode < 0 || mode > 0777) {
      throw new IllegalArgumentException("file mode out of range: " + Integer.toOctalString(mode));
    }
    return new FileModes(mode, groupWritable, secret);
  }

  /**
   * Reads an octal mode as users write it ({@code 640}, {@code 0640}).
   *
   * @throws UsageException when it is not 3 or 4 octal digits within 0777
   */
  public static int parseMode(String text) throws UsageException {
    if (text == null || !text.matches("0?[0-7]{3}")) {
      throw new UsageException(
          "bad mode '" + text + "': write 3 octal digits such as 644 or 0640 (no setuid bits)");
    }
    return Integer.parseInt(text, 8);
  }

  /** The mode for an entry at {@code relative} (relative to the result root). */
  public int modeFor(Path relative, boolean directory) {
    int mode;
    if (directory) {
      mode =
          explicitFileMode == null ? DEFAULT_DIRECTORY : withSearchWhereReadable(explicitFileMode);
    } else if (explicitFileMode != null) {
      mode = explicitFileMode;
    } else {
      mode = secret.test(relative) ? SECRET_FILE : DEFAULT_FILE;
    }
    return groupWritable ? mode | GROUP_WRITE : mode;
  }

  /** Applies the policy to {@code root} and everything under it. Links are left alone. */
  public void applyTo(Path root) throws IOException {
    StagedTreeWalk.apply(root, this, true, false);
  }

  /**
   * The mode for the regular file at {@code relative} (relative to the result root) whose mode is
   * now {@code current}: it stays executable if it is.
   */
  int fileMode(int current, Path relative) {
    int mode = modeFor(relative, false);
    boolean executable = (current & 0100) != 0;
    // An explicit --mode is the user's word; otherwise keep what makes a script a script.
    return explicitFileMode == null && executable ? withSearchWhereReadable(mode) : mode;
  }

  static void set(Path path, int mode) throws IOException {
    Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setPermissions(toPermissions(mode));
  }

  /** Like chmod's X: a directory readable by someone must also be searchable by them. */
  private static int withSearchWhereReadable(int mode) {
    return mode | ((mode & 0444) >> 2);
  }

  /** Bit 8 - ordinal: the enum lists owner read (0400) first and others execute (0001) last. */
  static Set<PosixFilePermission> toPermissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission permission : PosixFilePermission.values()) {
      if ((mode & (1 << (8 - permission.ordinal()))) != 0) {
        permissions.add(permission);
      }
    }
    return permissions;
  }

  static int toMode(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 1 << (8 - permission.ordinal());
    }
    return mode;
  }
}
