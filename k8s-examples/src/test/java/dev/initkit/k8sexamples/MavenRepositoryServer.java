package dev.initkit.k8sexamples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Maven repository over HTTP on a free loopback port: the artifacts the test publishes into a
 * directory (a jar, its POM, SHA-256 and SHA-1 files), served as they lie; anything else is 404.
 */
final class MavenRepositoryServer implements AutoCloseable {
  private final Path root;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  private MavenRepositoryServer(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.setExecutor(executor);
    server.start();
  }

  /** Serves the (possibly empty) directory ROOT. */
  static MavenRepositoryServer serve(Path root) throws IOException {
    return new MavenRepositoryServer(Files.createDirectories(root));
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /**
   * Publishes {@code group:artifact:version} (a jar holding one text file) depending at compile
   * scope on each of {@code dependencies} ({@code g:a:v}); returns the jar's SHA-256.
   */
  String publish(String coordinates, List<String> dependencies) throws IOException {
    String[] gav = coordinates.split(":");
    Path dir = root.resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2]);
    Files.createDirectories(dir);
    String base = gav[1] + "-" + gav[2];
    StringBuilder pom = new StringBuilder();
    pom.append("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n")
        .append("  <modelVersion>4.0.0</modelVersion>\n")
        .append(element("groupId", gav[0]))
        .append(element("artifactId", gav[1]))
        .append(element("version", gav[2]))
        .append("  <dependencies>\n");
    for (String dependency : dependencies) {
      String[] d = dependency.split(":");
      pom.append("    <dependency>")
          .append(element("groupId", d[0]).strip())
          .append(element("artifactId", d[1]).strip())
          .append(element("version", d[2]).strip())
          .append("</dependency>\n");
    }
    pom.append("  </dependencies>\n</project>\n");
    writeWithChecksums(dir.resolve(base + ".pom"), pom.toString().getBytes(StandardCharsets.UTF_8));
    return writeWithChecksums(dir.resolve(base + ".jar"), jar(coordinates));
  }

  private static String element(String name, String value) {
    return "  <" + name + ">" + value + "</" + name + ">\n";
  }

  private static byte[] jar(String coordinates) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      jar.putNextEntry(new JarEntry("initkit-test/coordinates.txt"));
      jar.write((coordinates + "\n").getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    return bytes.toByteArray();
  }

  /** Writes the file and its .sha256 and .sha1; returns the SHA-256. */
  private static String writeWithChecksums(Path file, byte[] content) throws IOException {
    Files.write(file, content);
    String sha256 = digest("SHA-256", content);
    Files.writeString(file.resolveSibling(file.getFileName() + ".sha256"), sha256);
    Files.writeString(file.resolveSibling(file.getFileName() + ".sha1"), digest("SHA-1", content));
    return sha256;
  }

  private static String digest(String algorithm, byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      boolean head = exchange.getRequestMethod().equals("HEAD");
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = Files.readAllBytes(file);
      if (head) {
        exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      }
      exchange.sendResponseHeaders(200, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
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
