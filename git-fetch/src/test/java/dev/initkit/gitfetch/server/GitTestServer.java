package dev.initkit.gitfetch.server;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.http.server.GitSmartHttpTools;
import org.eclipse.jgit.junit.http.AppServer;
import org.eclipse.jgit.transport.ServiceMayNotContinueException;
import org.eclipse.jgit.transport.UploadPack;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JGit's GitServlet on Jetty, on a free loopback port, serving {@link TestRepository repositories}
 * that tests build in memory. Each repository is served in three contexts: {@code /public} (no
 * credentials), {@code /basic} (HTTP basic auth as {@link #USERNAME}/{@link #PASSWORD}) and {@code
 * /bearer} (an {@code Authorization: Bearer} {@link #BEARER_TOKEN}), and {@code /cookie} (the
 * cookie {@link #COOKIE_NAME}={@link #COOKIE_VALUE}). {@link #faults()} scripts failures.
 *
 * <p>A test class shares one: {@code @RegisterExtension static final GitTestServer server =
 * GitTestServer.forTestClass();} starts it when the class is first used, resets its faults after
 * each test and stops it after the last.
 */
public final class GitTestServer implements AutoCloseable, AfterEachCallback, AfterAllCallback {
  public static final String USERNAME = AppServer.username;
  public static final String PASSWORD = AppServer.password;
  public static final String BEARER_TOKEN = "bearer-7c1d-secret-token";
  public static final String COOKIE_NAME = "o";
  public static final String COOKIE_VALUE = "cookie-5e2f-secret-session";

  private final AppServer server;
  private final Map<String, TestRepository> repositories = new ConcurrentHashMap<>();
  private final FaultKnobs faults = new FaultKnobs();
  private final String baseUrl;
  private final String httpsBaseUrl;

  private GitTestServer(boolean tls) throws Exception {
    // With TLS, AppServer makes a self-signed certificate for 127.0.0.1 with keytool.
    server = tls ? new AppServer(0, 0) : new AppServer();
    addContext("/public", null);
    server.authBasic(addContext("/basic", null));
    addContext("/bearer", new BearerFilter());
    addContext("/cookie", new CookieFilter());
    server.setUp();
    baseUrl = server.getURI().toString();
    httpsBaseUrl = tls ? "https://127.0.0.1:" + server.getSecurePort() : null;
  }

  public static GitTestServer start() throws Exception {
    return new GitTestServer(false);
  }

  /** A server for a test class to register as an extension (see the class comment). */
  public static GitTestServer forTestClass() {
    try {
      return start();
    } catch (Exception e) {
      throw new IllegalStateException("the loopback git server did not start", e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    faults.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** A server that also answers HTTPS, with a self-signed certificate; see {@link #caPem()}. */
  public static GitTestServer startWithTls() throws Exception {
    return new GitTestServer(true);
  }

  /** The HTTPS server's certificate in PEM, read from a handshake: the CA file a user would get. */
  public String caPem() throws Exception {
    SSLContext trustAll = SSLContext.getInstance("TLS");
    trustAll.init(
        null,
        new TrustManager[] {
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    try (SSLSocket socket =
        (SSLSocket) trustAll.getSocketFactory().createSocket("127.0.0.1", server.getSecurePort())) {
      socket.startHandshake();
      Certificate certificate = socket.getSession().getPeerCertificates()[0];
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    }
  }

  private ServletContextHandler addContext(String path, Filter auth) {
    ServletContextHandler context = server.addContext(path);
    if (auth != null) {
      context.addFilter(new FilterHolder(auth), "/*", EnumSet.of(DispatcherType.REQUEST));
    }
    context.addFilter(new FilterHolder(faults), "/*", EnumSet.of(DispatcherType.REQUEST));
    GitServlet servlet = new GitServlet();
    servlet.setRepositoryResolver(
        (request, name) -> {
          TestRepository repo = repositories.get(name.replaceFirst("\\.git$", ""));
          if (repo == null) {
            throw new RepositoryNotFoundException(name);
          }
          repo.repository().incrementOpen();
          return repo.repository();
        });
    servlet.setUploadPackFactory(
        (request, db) -> {
          UploadPack pack = new UploadPack(db);
          // Serve commits by id, as GitHub and GitLab do (uploadpack.allowReachableSHA1InWant).
          pack.setRequestPolicy(UploadPack.RequestPolicy.REACHABLE_COMMIT);
          // Protocol v2 when the client asks, as git http-backend and GitHub answer (JGit's own
          // default factory does the same); a repository's protocol.version=0 keeps it to v0.
          String protocol = request.getHeader("Git-Protocol");
          if (protocol != null) {
            pack.setExtraParameters(List.of(protocol.split(":")));
          }
          return pack;
        });
    // Like git http-backend, answer a want of a commit the server lacks in-band ("not our ref")
    // rather than with JGit's HTTP 500.
    servlet.setUploadPackErrorHandler(
        (request, response, upload) -> {
          try {
            upload.upload();
          } catch (ServiceMayNotContinueException e) {
            if (!e.isOutput()) {
              GitSmartHttpTools.sendError(request, response, e.getStatusCode(), e.getMessage());
            }
          } catch (IOException e) {
            if (causedByMissingObject(e)) {
              GitSmartHttpTools.sendError(
                  request, response, HttpServletResponse.SC_OK, "upload-pack: not our ref");
            } else {
              throw e;
            }
          }
        });
    context.addServlet(new ServletHolder(servlet), "/*");
    return context;
  }

  private static boolean causedByMissingObject(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MissingObjectException) {
        return true;
      }
    }
    return false;
  }

  /** A new, empty repository served under {@code name}. */
  public TestRepository repo(String name) {
    TestRepository repo = new TestRepository(name, baseUrl, httpsBaseUrl);
    if (repositories.putIfAbsent(name, repo) != null) {
      throw new IllegalArgumentException("repository " + name + " exists");
    }
    return repo;
  }

  /** The plain HTTP port. */
  public int port() {
    return server.getPort();
  }

  public FaultKnobs faults() {
    return faults;
  }

  /** A URL on this host where nothing listens (connection refused). */
  public static String unreachableUrl() throws java.io.IOException {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/public/gone.git";
    }
  }

  @Override
  public void close() {
    faults.reset();
    try {
      server.tearDown();
    } catch (Exception e) {
      throw new IllegalStateException("the test server did not stop", e);
    }
  }

  /** Lets a request through only with the expected cookie, as Google's git hosts do. */
  private static final class CookieFilter implements Filter {
    @Override
    public void doFilter(
        jakarta.servlet.ServletRequest request,
        jakarta.servlet.ServletResponse response,
        jakarta.servlet.FilterChain chain)
        throws java.io.IOException, jakarta.servlet.ServletException {
      String header = ((HttpServletRequest) request).getHeader("Cookie");
      boolean hasCookie =
          header != null
              && java.util.Arrays.stream(header.split(";\\s*"))
                  .anyMatch((COOKIE_NAME + "=" + COOKIE_VALUE)::equals);
      if (!hasCookie) {
        ((HttpServletResponse) response).sendError(403, "cookie required");
        return;
      }
      chain.doFilter(request, response);
    }
  }

  /** Lets a request through only with the expected bearer token. */
  private static final class BearerFilter implements Filter {
    @Override
    public void doFilter(
        jakarta.servlet.ServletRequest request,
        jakarta.servlet.ServletResponse response,
        jakarta.servlet.FilterChain chain)
        throws java.io.IOException, jakarta.servlet.ServletException {
      String header = ((HttpServletRequest) request).getHeader("Authorization");
      if (!("Bearer " + BEARER_TOKEN).equals(header)) {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("WWW-Authenticate", "Bearer realm=\"git\"");
        http.sendError(401, "bearer token required");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
