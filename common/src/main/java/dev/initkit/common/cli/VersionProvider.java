package dev.initkit.common.cli;

import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code --version}: the tool, its version, the build commit and the Java runtime. */
public final class VersionProvider implements IVersionProvider {
  @Spec CommandSpec spec;

  @Override
  public String[] getVersion() {
    VersionInfo info = VersionInfo.current();
    return new String[] {
      spec.name() + " " + info.version() + " (commit " + info.commit() + ")",
      "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
