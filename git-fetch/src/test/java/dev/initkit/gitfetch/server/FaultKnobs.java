package dev.initkit.gitfetch.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Scripted faults of the test server, applied to pack responses ({@code git-upload-pack}, but not
 * protocol v2's ref listing, which goes there too) and to any request: answer an HTTP error a
 * number of times, cut the connection after some bytes of a pack a number of times, or hold a pack
 * in the middle until released.
 */
public final class FaultKnobs implements Filter {
  private final AtomicInteger errorsLeft = new AtomicInteger();
  private volatile int errorStatus = 503;
  private volatile Runnable onFault = () -> {};
  private final AtomicInteger dropsLeft = new AtomicInteger();
  private volatile long dropAfterBytes;
  private final AtomicReference<CountDownLatch> stall = new AtomicReference<>();
  private volatile long stallAfterBytes;
  private volatile CountDownLatch stalled = new CountDownLatch(1);
  private final AtomicInteger packRequests = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int throttleChunk;
  private volatile Duration throttlePause = Duration.ZERO;

  /** The next {@code count} requests get HTTP {@code status}, then the server recovers. */
  public void failNextRequests(int count, int status) {
    failNextRequests(count, status, () -> {});
  }

  /** As {@link #failNextRequests(int, int)}, running {@code onFault} as each error is served. */
  public void failNextRequests(int count, int status, Runnable onFault) {
    errorStatus = status;
    this.onFault = onFault;
    errorsLeft.set(count);
  }

  /** The next {@code count} pack responses stop after {@code afterBytes}; later ones are whole. */
  public void dropNextPacks(int count, long afterBytes) {
    dropAfterBytes = afterBytes;
    dropsLeft.set(count);
  }

  /** Pack responses stop after {@code afterBytes} until {@link #release()}. */
  public void stallPacks(long afterBytes) {
    stallAfterBytes = afterBytes;
    stalled = new CountDownLatch(1);
    stall.set(new CountDownLatch(1));
  }

  /**
   * Pack responses trickle: {@code chunk} bytes at a time, each after a pause, like a slow link. 0
   * turns it off.
   */
  public void throttlePacks(int chunk, Duration pause) {
    throttlePause = pause;
    throttleChunk = chunk;
  }

  /** Waits until a pack response is being held; false if none was held in time. */
  public boolean awaitStalled(Duration timeout) throws InterruptedException {
    return stalled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public void release() {
    CountDownLatch latch = stall.getAndSet(null);
    if (latch != null) {
      latch.countDown();
    }
  }

  /** How many HTTP requests the server has had, of any kind. */
  public int requests() {
    return requests.get();
  }

  /** How many pack (upload-pack POST) requests the server has answered or begun to. */
  public int packRequests() {
    return packRequests.get();
  }

  public void reset() {
    errorsLeft.set(0);
    dropsLeft.set(0);
    throttleChunk = 0;
    release();
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    HttpServletResponse httpResponse = (HttpServletResponse) response;
    requests.incrementAndGet();
    if (errorsLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      onFault.run();
      httpResponse.sendError(errorStatus, "scripted fault");
      return;
    }
    boolean uploadPack =
        "POST".equals(http.getMethod()) && http.getRequestURI().endsWith("/git-upload-pack");
    if (!uploadPack) {
      chain.doFilter(request, response);
      return;
    }
    // In protocol v2 the ref listing is an upload-pack request too: not a pack.
    RefListingRequest peeked = RefListingRequest.of(http);
    request = peeked;
    if (peeked.isRefListing()) {
      chain.doFilter(request, response);
      return;
    }
    packRequests.incrementAndGet();
    long limit = Long.MAX_VALUE;
    boolean drop = false;
    CountDownLatch hold = stall.get();
    if (dropsLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      limit = dropAfterBytes;
      drop = true;
    } else if (hold != null) {
      limit = stallAfterBytes;
    }
    if (limit == Long.MAX_VALUE && throttleChunk > 0) {
      chain.doFilter(request, new Trickle(httpResponse, throttleChunk, throttlePause));
      return;
    }
    if (limit == Long.MAX_VALUE) {
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(request, new Cut(httpResponse, limit, drop, hold));
  }

  /** A response whose body stops after a number of bytes: dropped, or held on a latch. */
  private final class Cut extends HttpServletResponseWrapper {
    private final long limit;
    private final boolean drop;
    private final CountDownLatch hold;
    private ServletOutputStream stream;

    Cut(HttpServletResponse response, long limit, boolean drop, CountDownLatch hold) {
      super(response);
      this.limit = limit;
      this.drop = drop;
      this.hold = hold;
    }

    @Override
    public PrintWriter getWriter() {
      throw new IllegalStateException("pack responses are binary");
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        ServletOutputStream out = super.getOutputStream();
        stream =
            new ServletOutputStream() {
              private long written;

              @Override
              public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                if (written + len > limit) {
                  int head = (int) Math.max(0, limit - written);
                  out.write(b, off, head);
                  out.flush();
                  written += head;
                  cut();
                }
                out.write(b, off, len);
                written += len;
              }

              @Override
              public void flush() throws IOException {
                out.flush();
              }

              @Override
              public boolean isReady() {
                return out.isReady();
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                out.setWriteListener(listener);
              }
            };
      }
      return stream;
    }

    private void cut() throws IOException {
      if (!drop && hold != null) {
        stalled.countDown();
        try {
          hold.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      // Abort the exchange: the client sees its response end in the middle of the pack.
      throw new IOException("scripted fault: connection dropped mid-pack");
    }
  }

  /** A response written in small pieces with pauses between them. */
  private static final class Trickle extends HttpServletResponseWrapper {
    private final int chunk;
    private final Duration pause;
    private ServletOutputStream stream;

    Trickle(HttpServletResponse response, int chunk, Duration pause) {
      super(response);
      this.chunk = chunk;
      this.pause = pause;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        ServletOutputStream out = super.getOutputStream();
        stream =
            new ServletOutputStream() {
              @Override
              public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                for (int done = 0; done < len; done += chunk) {
                  out.write(b, off + done, Math.min(chunk, len - done));
                  out.flush();
                  // The server side of a slow link; the client and the test do not wait on it.
                  LockSupport.parkNanos(pause.toNanos());
                }
              }

              @Override
              public void flush() throws IOException {
                out.flush();
              }

              @Override
              public boolean isReady() {
                return out.isReady();
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                out.setWriteListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
