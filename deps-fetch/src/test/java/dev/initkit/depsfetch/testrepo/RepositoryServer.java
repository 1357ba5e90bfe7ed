package dev.initkit.depsfetch.testrepo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Serves a {@link TestRepository} over HTTP on loopback, on a free port, with fault knobs: answer
 * with a status some number of times, drop the connection before answering or in the middle of a
 * file, serve wrong checksums, send checksums in headers, stall in the middle of a file, demand
 * basic authentication or a token header. Every request is recorded.
 */
public final class RepositoryServer implements AutoCloseable {
  /** What happened to one request. */
  public record Request(String method, String path, int status) {}

  private final TestRepository repository;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
  private final List<Fault> faults = new ArrayList<>();
  private final CountDownLatch stallRelease = new CountDownLatch(1);
  private final CountDownLatch stalled = new CountDownLatch(1);
  private volatile Predicate<String> corruptChecksums = path -> false;
  private volatile Predicate<String> sha1Headers = path -> false;
  private volatile Predicate<String> wrongSha1Headers = path -> false;
  private volatile String requiredAuthorization;
  private volatile String requiredHeader;
  private volatile String requiredHeaderValue;

  private enum Kind {
    STATUS,
    DROP_BEFORE_RESPONSE,
    DROP_MID_FILE,
    STALL_MID_FILE
  }

  private static final class Fault {
    final Kind kind;
    final int status;
    final AtomicInteger remaining;
    final Predicate<String> paths;

    Fault(Kind kind, int status, int times, Predicate<String> paths) {
      this.kind = kind;
      this.status = status;
      this.remaining = new AtomicInteger(times);
      this.paths = paths;
    }
  }

  private final boolean tls;

  private RepositoryServer(TestRepository repository, javax.net.ssl.SSLContext tls)
      throws IOException {
    this.repository = repository;
    this.tls = tls != null;
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    if (tls != null) {
      com.sun.net.httpserver.HttpsServer https =
          com.sun.net.httpserver.HttpsServer.create(loopback, 0);
      https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
      this.server = https;
    } else {
      this.server = HttpServer.create(loopback, 0);
    }
    this.executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public static RepositoryServer start(TestRepository repository) throws IOException {
    return new RepositoryServer(repository, null);
  }

  /** The same over HTTPS, with the key and certificate in {@code tls}. */
  public static RepositoryServer startTls(TestRepository repository, javax.net.ssl.SSLContext tls)
      throws IOException {
    return new RepositoryServer(repository, tls);
  }

  /** The repository's base URL, ending in a slash. */
  public String url() {
    return (tls ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort() + "/maven/";
  }

  /** Paths of the artifact files (not POMs, checksums or metadata). */
  public static Predicate<String> artifactFiles() {
    return path -> path.endsWith(".jar") || path.endsWith(".zip");
  }

  public static Predicate<String> pathEndsWith(String suffix) {
    return path -> path.endsWith(suffix);
  }

  /** The next {@code times} requests for matching paths get {@code status}. */
  public synchronized RepositoryServer answer(int status, int times, Predicate<String> paths) {
    faults.add(new Fault(Kind.STATUS, status, times, paths));
    return this;
  }

  /** The next {@code times} requests for matching paths see the connection closed, no answer. */
  public synchronized RepositoryServer dropConnections(int times, Predicate<String> paths) {
    faults.add(new Fault(Kind.DROP_BEFORE_RESPONSE, 0, times, paths));
    return this;
  }

  /** The next {@code times} matching files stop half-way: the connection closes mid-body. */
  public synchronized RepositoryServer dropMidFile(int times, Predicate<String> paths) {
    faults.add(new Fault(Kind.DROP_MID_FILE, 0, times, paths));
    return this;
  }

  /**
   * The next matching file sends half its body and then waits until {@link #close()}: a download in
   * progress that a test can kill the client in. {@link #awaitStalled} returns once it is.
   */
  public synchronized RepositoryServer stallMidFile(Predicate<String> paths) {
    faults.add(new Fault(Kind.STALL_MID_FILE, 0, 1, paths));
    return this;
  }

  public boolean awaitStalled(Duration timeout) throws InterruptedException {
    return stalled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Checksum files of matching paths hold a wrong value (of the right length). */
  public RepositoryServer corruptChecksums(Predicate<String> paths) {
    this.corruptChecksums = paths;
    return this;
  }

  /**
   * Matching files are served with their SHA-1 in an {@code X-Checksum-SHA1} header, as Maven
   * Central serves them; a wrong one (of the right length) for paths matching {@code wrong}.
   */
  public RepositoryServer sendSha1Headers(Predicate<String> paths, Predicate<String> wrong) {
    this.sha1Headers = paths;
    this.wrongSha1Headers = wrong;
    return this;
  }

  /** Every request needs HTTP basic authentication with these credentials, or gets 401. */
  public RepositoryServer requireBasicAuth(String user, String password) {
    this.requiredAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Every request needs this header with this value, or gets 401. */
  public RepositoryServer requireHeader(String name, String value) {
    this.requiredHeader = name;
    this.requiredHeaderValue = value;
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Successful downloads of artifact files (jars, zips), as paths. */
  public List<String> artifactDownloads() {
    return requests.stream()
        .filter(r -> r.status() == 200 && artifactFiles().test(r.path()))
        .map(Request::path)
        .toList();
  }

  public void clearRequests() {
    requests.clear();
  }

  private synchronized Fault nextFault(String path) {
    for (Fault fault : faults) {
      if (fault.paths.test(path) && fault.remaining.get() > 0) {
        fault.remaining.decrementAndGet();
        return fault;
      }
    }
    return null;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    try (exchange) {
      if (!path.startsWith("/maven/")) {
        respond(exchange, method, path, 404, new byte[0]);
        return;
      }
      if (!authorized(exchange)) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
        respond(exchange, method, path, 401, new byte[0]);
        return;
      }
      String relative = path.substring("/maven/".length());
      Fault fault = nextFault(relative);
      if (fault != null && fault.kind == Kind.STATUS) {
        respond(exchange, method, relative, fault.status, new byte[0]);
        return;
      }
      if (fault != null && fault.kind == Kind.DROP_BEFORE_RESPONSE) {
        requests.add(new Request(method, relative, -1));
        // An exception out of the handler makes the JDK server close the connection unanswered.
        throw new IOException("test fault: dropped the connection");
      }
      byte[] body = body(relative);
      if (body == null) {
        respond(exchange, method, relative, 404, new byte[0]);
        return;
      }
      if (fault != null
          && (fault.kind == Kind.DROP_MID_FILE || fault.kind == Kind.STALL_MID_FILE)) {
        requests.add(new Request(method, relative, -1));
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        if (fault.kind == Kind.STALL_MID_FILE) {
          stalled.countDown();
          try {
            stallRelease.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        throw new IOException("test fault: dropped the connection mid-file");
      }
      if (sha1Headers.test(relative)) {
        exchange
            .getResponseHeaders()
            .add(
                "X-Checksum-SHA1",
                wrongSha1Headers.test(relative)
                    ? "0".repeat(40)
                    : TestRepository.hex("SHA-1", body));
      }
      respond(exchange, method, relative, 200, body);
    }
  }

  private boolean authorized(HttpExchange exchange) {
    if (requiredAuthorization != null
        && !requiredAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return false;
    }
    return requiredHeader == null
        || requiredHeaderValue.equals(exchange.getRequestHeaders().getFirst(requiredHeader));
  }

  private byte[] body(String relative) throws IOException {
    Path file = repository.root().resolve(relative).normalize();
    if (!file.startsWith(repository.root()) || !Files.isRegularFile(file)) {
      return null;
    }
    byte[] content = Files.readAllBytes(file);
    int dot = relative.lastIndexOf('.');
    String extension = dot < 0 ? "" : relative.substring(dot + 1);
    boolean checksum = List.of("md5", "sha1", "sha256", "sha512").contains(extension);
    if (checksum && corruptChecksums.test(relative.substring(0, dot))) {
      return "0".repeat(content.length).getBytes(StandardCharsets.US_ASCII);
    }
    return content;
  }

  private void respond(HttpExchange exchange, String method, String path, int status, byte[] body)
      throws IOException {
    requests.add(new Request(method, path, status));
    if (method.equals("HEAD") || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    stallRelease.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
