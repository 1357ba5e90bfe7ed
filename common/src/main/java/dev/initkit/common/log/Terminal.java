package dev.initkit.common.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether stderr is a terminal, where a progress bar can be redrawn in place. */
public final class Terminal {
  private Terminal() {}

  /**
   * True when file descriptor 2 is a terminal device. Linux only, which is where the tools run;
   * {@code System.console()} would answer for stdin and stdout instead, and differently on JDK 22+.
   */
  public static boolean isStderrTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
