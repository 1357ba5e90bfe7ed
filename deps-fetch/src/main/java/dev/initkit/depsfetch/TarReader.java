package dev.initkit.depsfetch;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the entries of a tar stream: POSIX ustar headers with their name prefix, pax extended
 * headers ({@code path}, {@code linkpath}, {@code size}) and GNU long names and link names, which
 * is what GNU tar, bsdtar, Python's tarfile and Commons Compress write. Our own code rather than
 * Commons Compress: that library and the two it needs (commons-io, commons-lang3) would add 2.3 MiB
 * to a 4.8 MiB tool for a format this small; zip stays with the JDK's reader.
 */
final class TarReader {
  private static final int BLOCK = 512;

  /** Entry types deps-fetch places; everything else is refused by the caller. */
  enum Type {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARD_LINK,
    /** A device, FIFO, sparse file or vendor type: nothing a plugin archive needs. */
    OTHER
  }

  /**
   * One entry.
   *
   * @param mode its permission bits
   * @param linkName the target of a symbolic or hard link, else empty
   */
  record Entry(String name, Type type, long size, int mode, String linkName) {}

  /** The stream is not a tar archive, or a damaged one. */
  static final class FormatException extends IOException {
    private static final long serialVersionUID = 1L;

    FormatException(String message) {
      super(message);
    }

    FormatException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final InputStream in;
  private long remaining;
  private long padding;

  TarReader(InputStream in) {
    this.in = in;
  }

  /** The next entry, its content unread; {@code null} at the end of the archive. */
  Entry next() throws IOException {
    skip(remaining + padding);
    String longName = null;
    String longLink = null;
    String paxPath = null;
    String paxLink = null;
    Long paxSize = null;
    while (true) {
      byte[] header = in.readNBytes(BLOCK);
      if (header.length == 0 || isZero(header)) {
        return null; // the end-of-archive blocks (some writers leave them out)
      }
      if (header.length < BLOCK) {
        throw new EOFException("the archive ends inside an entry header");
      }
      checkChecksum(header);
      char flag = (char) header[156];
      long size = number(header, 124, 12);
      if (size < 0) {
        throw new FormatException("an entry has a negative size");
      }
      String name = string(header, 0, 100);
      if (isUstar(header)) {
        String prefix = string(header, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
      }
      switch (flag) {
        case 'L' -> longName = trimNul(readText(size));
        case 'K' -> longLink = trimNul(readText(size));
        case 'x' -> {
          String records = readText(size);
          paxPath = pax(records, "path", paxPath);
          paxLink = pax(records, "linkpath", paxLink);
          String paxSizeText = pax(records, "size", null);
          if (paxSizeText != null) {
            try {
              paxSize = Long.parseLong(paxSizeText);
            } catch (NumberFormatException e) {
              throw new FormatException("a pax header has a size that is not a number", e);
            }
          }
        }
        case 'g' -> readText(size); // global pax header: nothing in it changes where files go
        default -> {
          if (paxSize != null) {
            size = paxSize;
          }
          remaining = size;
          padding = (BLOCK - size % BLOCK) % BLOCK;
          String entryName = paxPath != null ? paxPath : longName != null ? longName : name;
          String link =
              paxLink != null ? paxLink : longLink != null ? longLink : string(header, 157, 100);
          return new Entry(
              entryName, type(flag, entryName), size, (int) number(header, 100, 8), link);
        }
      }
    }
  }

  /** The current entry's content; reading past it gives end of stream. */
  InputStream content() {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        if (remaining <= 0) {
          return -1;
        }
        int b = in.read();
        if (b < 0) {
          throw new EOFException("the archive ends inside an entry");
        }
        remaining--;
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining <= 0) {
          return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
          throw new EOFException("the archive ends inside an entry");
        }
        remaining -= n;
        return n;
      }

      @Override
      public void close() {
        // The archive stream stays open for the next entry.
      }
    };
  }

  private static Type type(char flag, String name) {
    return switch (flag) {
      case '0', '\0', '7' -> name.endsWith("/") ? Type.DIRECTORY : Type.FILE;
      case '5' -> Type.DIRECTORY;
      case '2' -> Type.SYMLINK;
      case '1' -> Type.HARD_LINK;
      default -> Type.OTHER;
    };
  }

  /** Reads a metadata entry's content (a long name or pax records), with its padding. */
  private String readText(long size) throws IOException {
    if (size > 1 << 20) {
      throw new FormatException("an extended header of " + size + " bytes is too large");
    }
    byte[] text = in.readNBytes((int) size);
    if (text.length < size) {
      throw new EOFException("the archive ends inside an extended header");
    }
    skip((BLOCK - size % BLOCK) % BLOCK);
    return new String(text, StandardCharsets.UTF_8);
  }

  /** The value of {@code key} in pax records ({@code "<length> <key>=<value>\n"}), or fallback. */
  private static String pax(String records, String key, String fallback) throws IOException {
    String value = fallback;
    byte[] bytes = records.getBytes(StandardCharsets.UTF_8);
    int at = 0;
    while (at < bytes.length) {
      int space = at;
      while (space < bytes.length && bytes[space] != ' ') {
        space++;
      }
      int length;
      try {
        length = Integer.parseInt(new String(bytes, at, space - at, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw new FormatException("a pax header record has no length", e);
      }
      if (length <= space - at || at + length > bytes.length) {
        throw new FormatException("a pax header record has a bad length");
      }
      String record = new String(bytes, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
      int eq = record.indexOf('=');
      if (eq > 0 && record.substring(0, eq).equals(key)) {
        value = record.substring(eq + 1);
      }
      at += length;
    }
    return value;
  }

  private void skip(long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("the archive ends inside an entry");
        }
        skipped = 1;
      }
      left -= skipped;
    }
    remaining = 0;
    padding = 0;
  }

  private static void checkChecksum(byte[] header) throws IOException {
    long stored = number(header, 148, 8);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
    }
    if (sum != stored) {
      throw new FormatException("not a tar archive (a header checksum does not match)");
    }
  }

  private static boolean isUstar(byte[] header) {
    return string(header, 257, 5).equals("ustar");
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** An octal field, or GNU's base-256 form (high bit of the first byte set) for large sizes. */
  private static long number(byte[] header, int offset, int length) throws IOException {
    if ((header[offset] & 0x80) != 0) {
      long value = header[offset] & 0x7f;
      for (int i = 1; i < length; i++) {
        if (value > (Long.MAX_VALUE >> 8)) {
          throw new FormatException("a header number is too large");
        }
        value = (value << 8) | (header[offset + i] & 0xff);
      }
      return value;
    }
    String text = string(header, offset, length).strip();
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(text, 8);
    } catch (NumberFormatException e) {
      throw new FormatException("not a tar archive (a header number is not octal)", e);
    }
  }

  /** A NUL-terminated field; names are UTF-8, as every current writer makes them. */
  private static String string(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static String trimNul(String text) {
    int nul = text.indexOf('\0');
    return nul < 0 ? text : text.substring(0, nul);
  }
}
