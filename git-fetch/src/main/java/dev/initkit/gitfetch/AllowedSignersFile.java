package dev.initkit.gitfetch;

import dev.initkit.common.cli.OptionFiles;
import dev.initkit.common.failure.UsageException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A first look at an {@code --allowed-signers} file before anything is fetched, so that a wrong
 * file (a bare public key, a known_hosts file with hashed names) is a usage error rather than a
 * rejected signature later. JGit reads the file itself when it checks a signature.
 */
final class AllowedSignersFile {
  /**
   * {@code principals [options] keytype base64}: a key type, then its key, after the first field.
   */
  private static final Pattern KEY =
      Pattern.compile(
          ".*\\s((ssh|sk-ssh|ecdsa-sha2|sk-ecdsa-sha2)-[a-z0-9@.-]+)\\s+[A-Za-z0-9+/]+=*(\\s.*)?");

  private AllowedSignersFile() {}

  static void check(Path file) throws UsageException {
    List<String> lines = OptionFiles.read("--allowed-signers", file).lines().toList();
    int keys = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!KEY.matcher(line).matches()) {
        throw new UsageException(
            "--allowed-signers: line "
                + (i + 1)
                + " of "
                + file
                + " is not 'principals [options] keytype key' (git's gpg.ssh.allowedSignersFile)");
      }
      keys++;
    }
    if (keys == 0) {
      throw new UsageException("--allowed-signers: no key in " + file);
    }
  }
}
