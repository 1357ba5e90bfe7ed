package dev.initkit.envrender.format;

import java.nio.charset.StandardCharsets;

/**
 * {@code KEY=value} lines as the docker CLI's {@code --env-file} (and podman's) reads them: the
 * value is the raw rest of the line, with no quoting and no escapes. So a value cannot hold a
 * newline, cannot end with a carriage return (the line reader drops it), and a line cannot be
 * longer than the Go line scanner's 64 KiB. A name cannot hold white space, start with {@code #} (a
 * comment) or be empty.
 */
public final class DockerEncoder implements EnvEncoder {
  /** bufio.Scanner's default maximum token size, less one byte for the line end. */
  static final int MAX_LINE_BYTES = 64 * 1024 - 1;

  @Override
  public String refusal(String key, String value) {
    if (key.isEmpty() || key.startsWith("#")) {
      return "docker env files cannot hold this name (empty, or read as a comment)";
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\0') {
        return "docker env files cannot hold a name with white space";
      }
    }
    if (value.indexOf('\n') >= 0) {
      return "the value holds a newline; docker --env-file reads one line per variable"
          + " (use --format files, json or shell)";
    }
    if (value.endsWith("\r")) {
      return "the value ends with a carriage return, which docker --env-file drops";
    }
    if (value.indexOf('\0') >= 0) {
      return "the value holds a NUL character, which no environment variable can hold";
    }
    int bytes = (key + "=" + value).getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_LINE_BYTES) {
      return "the line is longer than docker --env-file reads (64 KiB)";
    }
    return null;
  }

  @Override
  public void appendEntry(StringBuilder out, String key, String value) {
    out.append(key).append('=').append(value).append('\n');
  }
}
