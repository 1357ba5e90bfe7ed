package dev.initkit.depsfetch.resolver;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The checksum in a checksum file's text, read as Resolver reads the file: its first non-blank
 * line, either {@code <hex>}, {@code <hex> <file name>} or BSD's {@code SHA256 (<file>) = <hex>}.
 */
final class ChecksumFileText {
  private static final Pattern BSD = Pattern.compile(".+= [0-9A-Fa-f]+");

  private ChecksumFileText() {}

  static String value(byte[] content) {
    String line =
        new String(content, StandardCharsets.UTF_8)
            .lines()
            .map(String::trim)
            .filter(l -> !l.isEmpty())
            .findFirst()
            .orElse("");
    if (BSD.matcher(line).matches()) {
      return line.substring(line.lastIndexOf(' ') + 1);
    }
    int space = line.indexOf(' ');
    return space == -1 ? line : line.substring(0, space);
  }
}
