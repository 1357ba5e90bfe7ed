package dev.initkit.gitfetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Helpers of the sync-mode tests: a run in the background, polling, a webhook receiver. */
final class SyncTesting {
  static final Duration WAIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

  private SyncTesting() {}

  /** Polls {@code condition} every 10 ms until it holds; fails after {@link #WAIT}. */
  static void awaitTrue(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  /** The content of {@code file}, or null while it cannot be read. */
  static String contentOrNull(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /** A TCP port that was free a moment ago. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GET on loopback: the status and the body, or null while nothing listens. */
  static HttpResponse<String> get(int port, String path) {
    return send(port, path, "GET");
  }

  /** POST on loopback, without a body; null while nothing listens. */
  static HttpResponse<String> post(int port, String path) {
    return send(port, path, "POST");
  }

  private static HttpResponse<String> send(int port, String path, String method) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(10))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * git-fetch in sync mode on a thread of this JVM; stopped by interrupting it, as SIGTERM does.
   */
  static final class BackgroundRun implements AutoCloseable {
    private final Thread thread;
    private volatile ToolResult result;

    BackgroundRun(ToolRun run) {
      thread = new Thread(() -> result = run.run(), "git-fetch-under-test");
      thread.start();
    }

    boolean isRunning() {
      return thread.isAlive();
    }

    /** Waits for the run to end by itself. */
    ToolResult awaitExit() throws InterruptedException {
      thread.join(WAIT.toMillis());
      assertThat(thread.isAlive()).as("the run ended").isFalse();
      return result;
    }

    /**
     * Interrupts the run until it ends (JGit clears an interrupt that lands in its reads, as the
     * shutdown hook's repeated signal covers in a real process).
     */
    ToolResult stop() throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (thread.isAlive()) {
        assertThat(System.nanoTime()).as("the run stops").isLessThan(deadline);
        thread.interrupt();
        thread.join(50);
      }
      return result;
    }

    @Override
    public void close() {
      try {
        stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A webhook receiver on loopback that records each call's commit header. */
  static final class WebhookReceiver implements AutoCloseable {
    final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
    final BlockingQueue<String> methods = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile CountDownLatch held = new CountDownLatch(0);
    private final HttpServer server;

    WebhookReceiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
      server.createContext(
          "/hook",
          exchange -> {
            try (exchange) {
              awaitRelease();
              boolean fail = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
              if (!fail) {
                methods.add(exchange.getRequestMethod());
                calls.add(
                    String.valueOf(exchange.getRequestHeaders().getFirst("Git-Fetch-Commit")));
              }
              exchange.sendResponseHeaders(fail ? 503 : 204, -1);
            }
          });
      server.start();
    }

    /** Calls wait unanswered until {@link #release()}, as a receiver that hangs. */
    void hold() {
      held = new CountDownLatch(1);
    }

    void release() {
      held.countDown();
    }

    private void awaitRelease() {
      try {
        held.await(WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** The next {@code n} calls are answered 503 and not recorded. */
    void failNext(int n) {
      failuresLeft.set(n);
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    String nextCall() throws InterruptedException {
      String call = calls.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(call).as("a webhook call").isNotNull();
      return call;
    }

    @Override
    public void close() {
      held.countDown();
      server.stop(0);
    }
  }
}
