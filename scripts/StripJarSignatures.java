import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

/**
 * Takes the signatures out of the signed jars in a directory (JGit and Bouncy Castle come signed),
 * in place, so that the JVM neither checks every class of them against the signature when it loads
 * it nor keeps them out of a class-data archive ("Skipping …: Signed JAR"): on git-fetch's
 * benchmark the two cost about 0.3 s of each run. The signature only vouches for the download,
 * which Maven has already checked against its checksum.
 *
 * <p>Removes META-INF/*.SF and its signature blocks (*.RSA, *.DSA, *.EC), and the per-entry digest
 * sections of the manifest (only its main section is kept). Unchanged entries are copied as they
 * are, and the rewritten manifest keeps its time, so the result is the same on every build. Jars
 * without a signature are left alone.
 *
 * <pre>java scripts/StripJarSignatures.java DIR</pre>
 */
public final class StripJarSignatures {
  private StripJarSignatures() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java StripJarSignatures.java DIR");
      System.exit(2);
    }
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
      for (Path jar : jars) {
        if (strip(jar)) {
          System.out.println("strip-jar-signatures: " + jar.getFileName() + " is no longer signed");
        }
      }
    }
  }

  private static boolean strip(Path jar) throws IOException {
    URI uri = URI.create("jar:" + jar.toUri());
    try (FileSystem zip = FileSystems.newFileSystem(uri, Map.of())) {
      Path metaInf = zip.getPath("META-INF");
      if (!Files.isDirectory(metaInf)) {
        return false;
      }
      List<Path> signatureFiles = new ArrayList<>();
      try (DirectoryStream<Path> entries =
          Files.newDirectoryStream(metaInf, "*.{SF,RSA,DSA,EC,sf,rsa,dsa,ec}")) {
        entries.forEach(signatureFiles::add);
      }
      if (signatureFiles.isEmpty()) {
        return false;
      }
      for (Path file : signatureFiles) {
        Files.delete(file);
      }
      Path manifestPath = metaInf.resolve("MANIFEST.MF");
      if (Files.exists(manifestPath)) {
        FileTime time = Files.getLastModifiedTime(manifestPath);
        Manifest manifest;
        try (InputStream in = Files.newInputStream(manifestPath)) {
          manifest = new Manifest(in);
        }
        manifest.getEntries().clear();
        try (OutputStream out = Files.newOutputStream(manifestPath)) {
          manifest.write(out);
        }
        Files.setLastModifiedTime(manifestPath, time);
      }
      return true;
    }
  }
}
