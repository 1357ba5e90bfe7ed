package dev.initkit.gitfetch.jgit;

import dev.initkit.common.failure.Classification;
import dev.initkit.gitfetch.GitRemoteException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * The submodules a commit declares in its {@code .gitmodules}, by path. Read from the commit, not
 * from the work tree: a sparse checkout may have left the file out.
 */
final class GitModules {
  /** One {@code [submodule "name"]} section: its name and URL as written. */
  record Module(String name, String url) {}

  private final Map<String, Module> byPath;

  private GitModules(Map<String, Module> byPath) {
    this.byPath = byPath;
  }

  static GitModules read(ObjectReader reader, RevCommit commit)
      throws IOException, GitRemoteException {
    Map<String, Module> byPath = new HashMap<>();
    try (TreeWalk walk = TreeWalk.forPath(reader, Constants.DOT_GIT_MODULES, commit.getTree())) {
      if (walk == null) {
        return new GitModules(byPath);
      }
      Config config = new Config();
      config.fromText(
          RawParseUtils.decode(reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes()));
      for (String name : config.getSubsections(ConfigConstants.CONFIG_SUBMODULE_SECTION)) {
        String path =
            config.getString(
                ConfigConstants.CONFIG_SUBMODULE_SECTION, name, ConfigConstants.CONFIG_KEY_PATH);
        String url =
            config.getString(
                ConfigConstants.CONFIG_SUBMODULE_SECTION, name, ConfigConstants.CONFIG_KEY_URL);
        if (path != null && url != null) {
          byPath.put(path, new Module(name, url));
        }
      }
    } catch (ConfigInvalidException e) {
      throw new GitRemoteException(
          Classification.permanentCause(
              "the .gitmodules of commit "
                  + commit.name().substring(0, 8)
                  + " cannot be read: "
                  + e.getMessage()),
          e);
    }
    return new GitModules(byPath);
  }

  Optional<Module> at(String path) {
    return Optional.ofNullable(byPath.get(path));
  }
}
