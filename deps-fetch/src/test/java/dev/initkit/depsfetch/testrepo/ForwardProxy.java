package dev.initkit.depsfetch.testrepo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward HTTP proxy on loopback that relays plain-HTTP requests in absolute form ({@code GET
 * http://host:port/path HTTP/1.1}) to their origin, tunnels HTTPS ({@code CONNECT host:port}), and
 * records each request or tunnel: a test asserts that traffic went through it, or that none did.
 * One plain request per connection ({@code Connection: close} both ways), which keeps the relay a
 * straight copy.
 */
public final class ForwardProxy implements AutoCloseable {
  private final ServerSocket socket;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Queue<URI> relayed = new ConcurrentLinkedQueue<>();

  private ForwardProxy() throws IOException {
    socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    executor.execute(this::accept);
  }

  public static ForwardProxy start() throws IOException {
    return new ForwardProxy();
  }

  /** The proxy's URL, as HTTP_PROXY takes it. */
  public String url() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** The URLs of the requests relayed so far; a tunnel shows as {@code https://host:port}. */
  public List<URI> relayed() {
    return List.copyOf(relayed);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        executor.execute(() -> relay(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void relay(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      List<String> request = head(in);
      if (request.isEmpty()) {
        return;
      }
      String[] line = request.get(0).split(" ");
      if (line.length == 3 && line[0].equals("CONNECT")) {
        tunnel(client, URI.create("https://" + line[1]));
        return;
      }
      URI uri = URI.create(line[1]);
      if (line.length != 3 || !"http".equals(uri.getScheme())) {
        client.getOutputStream().write(status(405));
        return;
      }
      relayed.add(uri);
      try (Socket origin = new Socket(uri.getHost(), uri.getPort() == -1 ? 80 : uri.getPort())) {
        StringBuilder forwarded = new StringBuilder();
        forwarded.append(line[0]).append(' ').append(uri.getRawPath());
        if (uri.getRawQuery() != null) {
          forwarded.append('?').append(uri.getRawQuery());
        }
        forwarded.append(" HTTP/1.1\r\n");
        appendHeaders(forwarded, request);
        OutputStream toOrigin = origin.getOutputStream();
        toOrigin.write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
        toOrigin.flush();
        InputStream fromOrigin = origin.getInputStream();
        List<String> response = head(fromOrigin);
        StringBuilder back = new StringBuilder(response.get(0)).append("\r\n");
        appendHeaders(back, response);
        OutputStream out = client.getOutputStream();
        out.write(back.toString().getBytes(StandardCharsets.ISO_8859_1));
        fromOrigin.transferTo(out);
        out.flush();
      }
    } catch (IOException | RuntimeException e) {
      // The client sees the connection close unanswered, as with a failing real proxy.
    }
  }

  /** Answers CONNECT and copies bytes both ways until either side closes. */
  private void tunnel(Socket client, URI target) throws IOException {
    relayed.add(target);
    try (Socket origin = new Socket(target.getHost(), target.getPort())) {
      client.getOutputStream().write(status(200));
      executor.execute(
          () -> {
            try {
              origin.getInputStream().transferTo(client.getOutputStream());
            } catch (IOException e) {
              // the other direction ends the tunnel
            } finally {
              closeQuietly(client);
            }
          });
      client.getInputStream().transferTo(origin.getOutputStream());
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already gone
    }
  }

  /** The headers after the first line, without hop-by-hop ones, plus Connection: close. */
  private static void appendHeaders(StringBuilder target, List<String> head) {
    for (String header : head.subList(1, head.size())) {
      String name = header.substring(0, Math.max(0, header.indexOf(':'))).toLowerCase(Locale.ROOT);
      if (!List.of("connection", "proxy-connection", "keep-alive").contains(name)) {
        target.append(header).append("\r\n");
      }
    }
    target.append("Connection: close\r\n\r\n");
  }

  /** Reads a request or response head, up to the blank line; empty at the end of the stream. */
  private static List<String> head(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != -1; ) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
        line.reset();
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
      } else {
        line.write(b);
      }
    }
    return List.of();
  }

  private static byte[] status(int code) {
    String head =
        code == 200
            ? "HTTP/1.1 200 Connection established\r\n\r\n"
            : "HTTP/1.1 " + code + " Unsupported\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    return head.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
    executor.shutdownNow();
  }
}
