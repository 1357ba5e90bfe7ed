package dev.initkit.gitfetch;

import dev.initkit.common.cli.OptionFiles;
import dev.initkit.common.failure.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code .netrc} file as curl and git read it: {@code machine HOST login USER password SECRET}
 * entries (tokens separated by any whitespace, lines included), a {@code default} entry for any
 * other host, {@code account} ignored, {@code macdef} bodies skipped. Values cannot contain
 * whitespace.
 */
final class NetrcFile {
  /** One machine's entry. */
  record Entry(Optional<String> login, Optional<String> password) {}

  private record Token(String text, int line) {
    boolean startsEntry() {
      return text.equals("machine") || text.equals("default");
    }
  }

  private final Map<String, Entry> machines;
  private final Optional<Entry> fallback;

  private NetrcFile(Map<String, Entry> machines, Optional<Entry> fallback) {
    this.machines = machines;
    this.fallback = fallback;
  }

  /** Reads {@code file}; a malformed file is a usage error that names the line, never a value. */
  static NetrcFile read(Path file) throws UsageException {
    String text = OptionFiles.read("--netrc-file", file);
    List<Token> tokens = tokenize(text);
    Map<String, Entry> machines = new LinkedHashMap<>();
    Optional<Entry> fallback = Optional.empty();
    int i = 0;
    while (i < tokens.size()) {
      Token start = tokens.get(i++);
      if (!start.startsEntry()) {
        throw problem(file, start, "expected 'machine' or 'default'");
      }
      String host = null;
      if (start.text().equals("machine")) {
        host = valueAfter(tokens, i++, file, start).toLowerCase(Locale.ROOT);
      }
      String login = null;
      String password = null;
      while (i < tokens.size() && !tokens.get(i).startsEntry()) {
        Token key = tokens.get(i++);
        String value = valueAfter(tokens, i++, file, key);
        switch (key.text()) {
          case "login" -> login = value;
          case "password" -> password = value;
          case "account" -> {
            // Not used by git over HTTP.
          }
          default -> throw problem(file, key, "expected login, password or account");
        }
      }
      Entry entry = new Entry(Optional.ofNullable(login), Optional.ofNullable(password));
      if (host == null) {
        fallback = Optional.of(entry);
      } else {
        // The first entry for a host wins, as in curl.
        machines.putIfAbsent(host, entry);
      }
    }
    return new NetrcFile(machines, fallback);
  }

  /** The tokens with their line numbers; a macdef's body (up to an empty line) is skipped. */
  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.startsWith("macdef")) {
        while (n + 1 < lines.length && !lines[n + 1].isBlank()) {
          n++;
        }
        continue;
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      for (String token : line.split("\\s+")) {
        tokens.add(new Token(token, n + 1));
      }
    }
    return tokens;
  }

  private static String valueAfter(List<Token> tokens, int index, Path file, Token keyword)
      throws UsageException {
    if (index >= tokens.size()) {
      throw problem(file, keyword, "'" + keyword.text() + "' needs a value");
    }
    return tokens.get(index).text();
  }

  private static UsageException problem(Path file, Token token, String what) {
    return new UsageException("--netrc-file: line " + token.line() + " of " + file + ": " + what);
  }

  /** The entry for {@code host}: its first {@code machine} entry, else {@code default}. */
  Optional<Entry> forHost(String host) {
    return Optional.ofNullable(machines.get(host.toLowerCase(Locale.ROOT))).or(() -> fallback);
  }
}
