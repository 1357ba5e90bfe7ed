package dev.initkit.gitfetch.jgit;

import java.io.File;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Makes JGit hermetic: it reads no system, user or XDG git configuration and no environment
 * variable, and writes no {@code $XDG_CONFIG_HOME/jgit/config} (where it would cache file system
 * timestamp measurements). What a checkout does then depends only on git-fetch's options, and it
 * works with a read-only root file system and no home directory.
 */
final class HermeticSystemReader extends SystemReader.Delegate {
  private HermeticSystemReader(SystemReader base) {
    super(base);
  }

  /** Installs the hermetic reader for the whole process (JGit's reader is global); idempotent. */
  static synchronized void install() {
    SystemReader current = SystemReader.getInstance();
    if (!(current instanceof HermeticSystemReader)) {
      SystemReader.setInstance(new HermeticSystemReader(current));
    }
  }

  /** No GIT_*, HOME, XDG_* or proxy variable reaches JGit: options are the only input. */
  @Override
  public String getenv(String variable) {
    return null;
  }

  @Override
  public FileBasedConfig openUserConfig(Config parent, FS fs) {
    return new FileStoreDefaults(parent, fs);
  }

  @Override
  public FileBasedConfig openSystemConfig(Config parent, FS fs) {
    return new EmptyConfig(parent, fs);
  }

  @Override
  public FileBasedConfig openJGitConfig(Config parent, FS fs) {
    return new EmptyConfig(parent, fs);
  }

  /**
   * Answers JGit's question about each file store's timestamp resolution without measuring it. JGit
   * would otherwise measure once per file store and save the result in the user's jgit config; with
   * nowhere to save it, every run would pay the measurement again, seconds of writing probe files.
   * 10 ms is coarser than the file systems of volumes (ext4, xfs, tmpfs: nanoseconds); git's
   * racy-clean rule still treats equal timestamps as possibly changed, so a coarser file system is
   * safe too.
   */
  private static final class FileStoreDefaults extends EmptyConfig {
    private static final long RESOLUTION_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    FileStoreDefaults(Config parent, FS fs) {
      super(parent, fs);
    }

    @Override
    public long getTimeUnit(
        String section, String subsection, String name, long defaultValue, TimeUnit wantUnit) {
      if (ConfigConstants.CONFIG_FILESYSTEM_SECTION.equals(section)
          && (ConfigConstants.CONFIG_KEY_TIMESTAMP_RESOLUTION.equals(name)
              || ConfigConstants.CONFIG_KEY_MIN_RACY_THRESHOLD.equals(name))) {
        return wantUnit.convert(RESOLUTION_NANOS, TimeUnit.NANOSECONDS);
      }
      return super.getTimeUnit(section, subsection, name, defaultValue, wantUnit);
    }
  }

  /** A configuration that lives in memory only: loading reads nothing, saving writes nothing. */
  private static class EmptyConfig extends FileBasedConfig {
    EmptyConfig(Config parent, FS fs) {
      super(parent, new File("hermetic-empty-config"), fs);
    }

    @Override
    public void load() {
      // Nothing to read: no configuration outside the repository is used.
    }

    @Override
    public void save() {
      // Nothing is written outside the volume.
    }

    @Override
    public boolean isOutdated() {
      return false;
    }
  }
}
