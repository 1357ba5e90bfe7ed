package dev.initkit.common.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version and the commit it was built from, recorded at build time. */
public record VersionInfo(String version, String commit) {
  private static final String RESOURCE = "/dev/initkit/common/version.properties";

  /** Read once: the start-up line, --version and the report all ask. */
  public static VersionInfo current() {
    return Holder.CURRENT;
  }

  private static final class Holder {
    static final VersionInfo CURRENT = load();
  }

  private static VersionInfo load() {
    Properties props = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String commit = props.getProperty("commit", "");
    // Built outside a git checkout, the placeholder stays unreplaced.
    if (commit.isBlank() || commit.startsWith("${")) {
      commit = "unknown";
    }
    return new VersionInfo(props.getProperty("version", "unknown"), commit);
  }
}
