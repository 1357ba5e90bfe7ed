package dev.initkit.gitfetch.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The small HTTP server of sync mode, on the JDK's own server (module jdk.httpserver, no library):
 * {@code GET /healthz} answers 200 once a checkout is published and the syncs are not failing
 * beyond {@code --max-failures}, 503 before, with a one-line reason; {@code GET /metrics} answers
 * Prometheus text. Anything else is 404, other methods 405.
 */
public final class StatusServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private StatusServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Listens on {@code address} and serves {@code status} until closed.
   *
   * @throws IOException when the address cannot be bound (in use, not an address of this host)
   */
  public static StatusServer start(InetSocketAddress address, SyncStatus status)
      throws IOException {
    HttpServer server = HttpServer.create(address, 16);
    // One daemon thread: probes and scrapes are rare and quick, and a hung client must not keep
    // the JVM alive after the sync loop ended.
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "git-fetch-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext(
        "/healthz",
        exchange ->
            answer(
                exchange,
                status.healthy() ? 200 : 503,
                "text/plain; charset=utf-8",
                status.healthReason() + "\n"));
    server.createContext(
        "/metrics",
        exchange ->
            answer(exchange, 200, MetricsText.CONTENT_TYPE, MetricsText.render(status.snapshot())));
    server.createContext(
        "/", exchange -> answer(exchange, 404, "text/plain; charset=utf-8", "not found\n"));
    server.start();
    return new StatusServer(server, executor);
  }

  /** The address actually bound (the port chosen when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      boolean head = method.equals("HEAD");
      if (!method.equals("GET") && !head) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      // An exact path only: /healthz/x is not the health endpoint.
      String context = exchange.getHttpContext().getPath();
      if (!context.equals("/") && !exchange.getRequestURI().getPath().equals(context)) {
        status = 404;
        type = "text/plain; charset=utf-8";
        body = "not found\n";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
