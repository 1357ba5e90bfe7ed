package dev.initkit.gitfetch.server;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * An upload-pack request whose body was read to tell a protocol v2 ref listing ({@code
 * command=ls-refs}) from a pack request, and is given back to the servlet as it came.
 */
final class RefListingRequest extends HttpServletRequestWrapper {
  private static final String LS_REFS = "command=ls-refs";
  // A pkt-line's 4-digit length, then the command.
  private static final int HEAD = 4 + LS_REFS.length();

  private final boolean refListing;
  private final ByteArrayInputStream body;

  private RefListingRequest(HttpServletRequest request, boolean refListing, byte[] body) {
    super(request);
    this.refListing = refListing;
    this.body = new ByteArrayInputStream(body);
  }

  /** The request, its body read (an upload-pack request is small: a command, wants and haves). */
  static RefListingRequest of(HttpServletRequest request) throws IOException {
    byte[] body = request.getInputStream().readAllBytes();
    InputStream content = new ByteArrayInputStream(body);
    if ("gzip".equalsIgnoreCase(request.getHeader("Content-Encoding"))) {
      content = new GZIPInputStream(content); // as JGit sends it
    }
    String head = new String(content.readNBytes(HEAD), StandardCharsets.US_ASCII);
    return new RefListingRequest(request, head.endsWith(LS_REFS), body);
  }

  /** Whether the request asks for the refs (v2), not for a pack. */
  boolean isRefListing() {
    return refListing;
  }

  @Override
  public ServletInputStream getInputStream() {
    return new ServletInputStream() {
      @Override
      public int read() throws IOException {
        return body.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return body.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return body.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("blocking reads only");
      }
    };
  }
}
