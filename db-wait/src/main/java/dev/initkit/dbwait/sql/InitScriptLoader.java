package dev.initkit.dbwait.sql;

import dev.initkit.common.failure.UsageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the {@code --init-sql} scripts at the start, so that a missing or unreadable one is a usage
 * error before anything is tried. A file is one script; a directory is its {@code *.sql} files (not
 * its subdirectories) in name order, as {@link String#compareTo} orders them: number them {@code
 * 001-…}, {@code 002-…}.
 */
public final class InitScriptLoader {
  private InitScriptLoader() {}

  /**
   * The scripts, in the order they run: the paths in the order given, each directory's files in
   * name order.
   *
   * @throws UsageException when a path cannot be read, a directory holds no {@code *.sql} file, a
   *     file is not UTF-8, or two scripts have the same file name (their records would clash)
   */
  public static List<InitScript> load(List<Path> paths) throws UsageException {
    List<InitScript> scripts = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    for (Path path : paths) {
      for (Path file : files(path)) {
        String name = file.getFileName().toString();
        Path earlier = seen.putIfAbsent(name, file);
        if (earlier != null) {
          throw new UsageException(
              "--init-sql: two scripts are named "
                  + name
                  + " ("
                  + earlier
                  + " and "
                  + file
                  + "): a script is recorded by its file name, so give each a name of its own");
        }
        scripts.add(read(file, name));
      }
    }
    return List.copyOf(scripts);
  }

  private static List<Path> files(Path path) throws UsageException {
    if (!Files.exists(path)) {
      throw new UsageException("--init-sql: " + path + " does not exist");
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    // Kubernetes mounts a ConfigMap's keys as symbolic links next to hidden ..data entries.
    try (Stream<Path> entries = Files.list(path)) {
      List<Path> files =
          entries
              .filter(p -> p.getFileName().toString().endsWith(".sql"))
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(Files::isRegularFile)
              .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
              .toList();
      if (files.isEmpty()) {
        throw new UsageException("--init-sql: directory " + path + " holds no *.sql file");
      }
      return files;
    } catch (IOException e) {
      throw new UsageException("--init-sql: cannot list " + path + ": " + e.getMessage(), e);
    }
  }

  private static InitScript read(Path file, String name) throws UsageException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UsageException("--init-sql: cannot read " + file + " (" + e.getMessage() + ")", e);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new UsageException("--init-sql: " + file + " is not UTF-8: save it as UTF-8", e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new InitScript(name, sha256(bytes), text);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
