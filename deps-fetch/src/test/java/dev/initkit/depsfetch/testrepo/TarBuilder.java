package dev.initkit.depsfetch.testrepo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Writes tar archives entry by entry, hostile ones included (names with {@code ../}, links out), in
 * POSIX ustar form; a name longer than the header holds goes into a pax extended header.
 */
public final class TarBuilder {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public TarBuilder file(String name, String content) {
    return file(name, content, 0644);
  }

  public TarBuilder file(String name, String content, int mode) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    entry(name, '0', bytes, mode, "");
    return this;
  }

  public TarBuilder directory(String name) {
    entry(name, '5', new byte[0], 0755, "");
    return this;
  }

  public TarBuilder symlink(String name, String target) {
    entry(name, '2', new byte[0], 0777, target);
    return this;
  }

  public TarBuilder hardLink(String name, String target) {
    entry(name, '1', new byte[0], 0644, target);
    return this;
  }

  /** An entry of any type flag, such as '3' for a character device. */
  public TarBuilder special(String name, char type) {
    entry(name, type, new byte[0], 0644, "");
    return this;
  }

  /** The archive, with its two end-of-archive blocks. */
  public byte[] tar() {
    ByteArrayOutputStream archive = new ByteArrayOutputStream();
    archive.writeBytes(out.toByteArray());
    archive.writeBytes(new byte[1024]);
    return archive.toByteArray();
  }

  public byte[] tarGz() {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(gz)) {
      gzip.write(tar());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return gz.toByteArray();
  }

  private void entry(String name, char type, byte[] content, int mode, String link) {
    if (name.getBytes(StandardCharsets.UTF_8).length > 100) {
      // A pax record's length counts its own digits.
      String record = " path=" + name + "\n";
      int body = record.getBytes(StandardCharsets.UTF_8).length;
      int length = body + String.valueOf(body).length();
      length = body + String.valueOf(length).length();
      byte[] pax = (length + record).getBytes(StandardCharsets.UTF_8);
      writeHeader("PaxHeader", 'x', pax.length, 0644, "");
      writeContent(pax);
      name = "long-name-in-pax";
    }
    writeHeader(name, type, content.length, mode, link);
    writeContent(content);
  }

  private void writeHeader(String name, char type, long size, int mode, String link) {
    byte[] header = new byte[512];
    put(header, 0, 100, name);
    put(header, 100, 8, String.format("%07o", mode));
    put(header, 108, 8, "0000000");
    put(header, 116, 8, "0000000");
    put(header, 124, 12, String.format("%011o", size));
    put(header, 136, 12, "00000000000");
    header[156] = (byte) type;
    put(header, 157, 100, link);
    put(header, 257, 6, "ustar");
    put(header, 263, 2, "00");
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, 8, String.format("%06o", sum) + "\0 ");
    out.writeBytes(header);
  }

  private void writeContent(byte[] content) {
    out.writeBytes(content);
    out.writeBytes(new byte[(512 - content.length % 512) % 512]);
  }

  private static void put(byte[] header, int offset, int length, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
  }
}
