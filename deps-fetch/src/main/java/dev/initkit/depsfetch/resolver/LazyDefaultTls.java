package dev.initkit.depsfetch.resolver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The runtime's default TLS context, set up only when a connection first uses TLS. Resolver's HTTP
 * transport sets up a TLS socket factory for every repository, also for {@code http://} ones; the
 * runtime's default context loads and parses the CA certificates of the runtime then, which was 2%
 * of the bench fetch's CPU samples, on the way to its first request, for a repository that never
 * uses TLS. With this context that work waits for the first TLS connection, which then trusts what
 * the default context trusts ({@code javax.net.ssl.trustStore} included).
 */
final class LazyDefaultTls {
  private LazyDefaultTls() {}

  /** One for the whole process: Resolver keeps a connection pool per distinct context. */
  static final SSLContext CONTEXT = new Context();

  private static final class Context extends SSLContext {
    Context() {
      super(new Spi(), null, "Default");
    }
  }

  private static final class Spi extends SSLContextSpi {
    private static SSLContext runtimeDefault() {
      try {
        return SSLContext.getDefault();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the Java runtime offers no default TLS context", e);
      }
    }

    @Override
    protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
        throws KeyManagementException {
      throw new KeyManagementException("the default TLS context is set up by the runtime");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return new SocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return runtimeDefault().getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return runtimeDefault().createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return runtimeDefault().createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return runtimeDefault().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return runtimeDefault().getClientSessionContext();
    }
  }

  /** The default context's socket factory, fetched at the first call. */
  private static final class SocketFactory extends SSLSocketFactory {
    private static SSLSocketFactory factory() {
      return Spi.runtimeDefault().getSocketFactory();
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return factory().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return factory().getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
      return factory().createSocket();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
        throws IOException {
      return factory().createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return factory().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return factory().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return factory().createSocket(host, port);
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return factory().createSocket(address, port, localAddress, localPort);
    }
  }
}
