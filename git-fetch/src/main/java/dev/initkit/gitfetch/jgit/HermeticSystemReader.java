package dev.initkit.gitfetch.jgit;

import java.io.File;
import org.eclipse.jgit.lib.Config;
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
    return new EmptyConfig(parent, fs);
  }

  @Override
  public FileBasedConfig openSystemConfig(Config parent, FS fs) {
    return new EmptyConfig(parent, fs);
  }

  @Override
  public FileBasedConfig openJGitConfig(Config parent, FS fs) {
    return new EmptyConfig(parent, fs);
  }

  /** A configuration that lives in memory only: loading reads nothing, saving writes nothing. */
  private static final class EmptyConfig extends FileBasedConfig {
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
