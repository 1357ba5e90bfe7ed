package dev.initkit.common.report;

import dev.initkit.common.log.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes {@code --report FILE} whole or not at all: a temporary file beside it, then a rename. */
public final class ReportWriter {
  private ReportWriter() {}

  public static void write(Path file, RunReport report, Redactor redactor) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, "." + absolute.getFileName(), ".tmp");
    try {
      Files.writeString(temp, report.toJson(redactor) + "\n", StandardCharsets.UTF_8);
      // A temporary file is private (0600), but the report is for the main container, another
      // uid: readable by all, like the published files. It holds no secret (redacted above).
      if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(
          temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
