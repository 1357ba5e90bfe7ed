package dev.initkit.dbwait;

import dev.initkit.common.failure.UsageException;
import dev.initkit.dbwait.probe.DatabaseTarget;
import dev.initkit.dbwait.probe.Engine;
import dev.initkit.dbwait.probe.HttpTarget;
import dev.initkit.dbwait.probe.PasswordSource;
import dev.initkit.dbwait.probe.StatusSet;
import dev.initkit.dbwait.probe.Target;
import dev.initkit.dbwait.probe.TcpTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what the user wrote into targets: JDBC URLs for PostgreSQL, MySQL and MariaDB, {@code
 * tcp://host:port} and {@code http(s)://} URLs. Credentials come from the options, then (for
 * PostgreSQL) from the libpq variables; a target whose password differs from the others names its
 * own file with the URL parameter {@value #PASSWORD_FILE}, which db-wait takes out of the URL
 * before the driver sees it. A password inside a URL is refused: it would show in process listings
 * and Pod specs; it belongs in a file.
 */
final class TargetParser {
  /** The URL parameter naming a target's own password file. */
  static final String PASSWORD_FILE = "passwordFile";

  /**
   * Connector/J's password of a trust store: it guards the integrity of public CA certificates, not
   * a secret, and Connector/J reads CA certificates from key stores only.
   */
  private static final String TRUST_STORE_PASSWORD = "trustCertificateKeyStorePassword";

  /** Turns a password file into a source that reads it on every attempt. */
  @FunctionalInterface
  interface PasswordFiles {
    /**
     * @param origin where the file was named, for messages
     * @throws UsageException when the file cannot be read now
     */
    PasswordSource open(String origin, Path file) throws UsageException;
  }

  /**
   * The credentials and settings shared by every database target.
   *
   * @param user {@code --user}, or null
   * @param password {@code --password} or {@code --password-file}, or null
   * @param sslMode {@code --ssl-mode}, or null for the driver's default
   * @param sslRootCert {@code --ssl-root-cert}, or null
   * @param libpq the libpq variables
   * @param httpStatus the statuses that make an HTTP target ready
   * @param passwordFiles opens a target's own {@value #PASSWORD_FILE}
   */
  record Shared(
      String user,
      PasswordSource password,
      SslMode sslMode,
      Path sslRootCert,
      LibpqEnvironment libpq,
      StatusSet httpStatus,
      PasswordFiles passwordFiles) {}

  private final Shared shared;

  TargetParser(Shared shared) {
    this.shared = shared;
  }

  Target parse(String text) throws UsageException {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return database(Engine.POSTGRESQL, text, "jdbc:postgresql:".length());
    }
    if (lower.startsWith("jdbc:mysql:")) {
      return database(Engine.MYSQL, text, "jdbc:mysql:".length());
    }
    if (lower.startsWith("jdbc:mariadb:")) {
      // MariaDB speaks the MySQL protocol; Connector/J talks to it.
      return database(Engine.MYSQL, text, "jdbc:mariadb:".length());
    }
    if (lower.startsWith("tcp://")) {
      return tcp(text);
    }
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return http(text);
    }
    throw new UsageException(
        "cannot wait for '"
            + Display.of(text)
            + "': expected jdbc:postgresql://, jdbc:mysql://, jdbc:mariadb://, tcp://host:port"
            + " or http(s)://");
  }

  /** A PostgreSQL target made of the libpq variables alone (no target given). */
  Target fromLibpq() throws UsageException {
    return database(Engine.POSTGRESQL, "jdbc:postgresql://", "jdbc:postgresql:".length());
  }

  private DatabaseTarget database(Engine engine, String text, int prefixLength)
      throws UsageException {
    String prefix = text.substring(0, prefixLength);
    String rest = text.substring(prefixLength);
    if (!rest.startsWith("//")) {
      throw new UsageException(
          "'"
              + Display.of(text)
              + "' is not a URL db-wait understands: expected "
              + prefix
              + "//host:port/database");
    }
    rest = rest.substring(2);
    int queryStart = rest.indexOf('?');
    String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
    String hostAndPath = queryStart < 0 ? rest : rest.substring(0, queryStart);
    int slash = hostAndPath.indexOf('/');
    String authority = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
    String database = slash < 0 ? "" : hostAndPath.substring(slash + 1);

    String urlUser = null;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
      if (userInfo.contains(":")) {
        throw passwordInUrl(text);
      }
      urlUser = userInfo.isEmpty() ? null : userInfo;
    }
    Map<String, String> params = parameters(text, query);
    String passwordFile = params.remove(PASSWORD_FILE);
    for (String key : params.keySet()) {
      if (key.toLowerCase(Locale.ROOT).contains("password")
          && !key.equalsIgnoreCase(TRUST_STORE_PASSWORD)) {
        throw passwordInUrl(text);
      }
    }
    if (passwordFile != null) {
      if (passwordFile.isEmpty()) {
        throw new UsageException(
            "'" + Display.of(text) + "': " + PASSWORD_FILE + "= names no file");
      }
      // The parameter is db-wait's, not the driver's.
      query = params.isEmpty() ? "" : query(params);
    }

    boolean postgres = engine == Engine.POSTGRESQL;
    LibpqEnvironment libpq = postgres ? shared.libpq() : LibpqEnvironment.NONE;
    if (authority.isEmpty() && libpq.host() != null) {
      if (libpq.host().startsWith("/")) {
        throw new UsageException(
            "PGHOST is a socket directory ("
                + libpq.host()
                + "): db-wait connects over TCP; set PGHOST to a host name");
      }
      authority = libpq.host().contains(":") ? "[" + libpq.host() + "]" : libpq.host();
    }
    if (libpq.port() != null && !libpq.port().matches("[0-9]{1,5}")) {
      throw new UsageException("PGPORT is not a port number: '" + libpq.port() + "'");
    }
    if (libpq.port() != null && !authority.contains(",") && !hasPort(authority)) {
      authority = (authority.isEmpty() ? "localhost" : authority) + ":" + libpq.port();
    }
    if (database.isEmpty() && libpq.database() != null) {
      database = libpq.database();
    }
    String user = urlUser;
    if (user == null && !params.containsKey("user")) {
      user = shared.user() != null ? shared.user() : libpq.user();
    }
    PasswordSource password =
        passwordFile != null
            ? shared
                .passwordFiles()
                .open(PASSWORD_FILE + " of " + Display.of(text), Path.of(passwordFile))
            : shared.password() != null
                ? shared.password()
                : libpq.password() != null
                    ? PasswordSource.fixed(libpq.password())
                    : PasswordSource.NONE;

    Map<String, String> properties = new LinkedHashMap<>();
    SslMode sslMode = shared.sslMode();
    if (sslMode == null && libpq.sslMode() != null) {
      sslMode = SslMode.fromLibpq(libpq.sslMode());
      if (sslMode == null) {
        throw new UsageException(
            "PGSSLMODE is not a TLS mode: '"
                + libpq.sslMode()
                + "'; expected disable, allow, prefer, require, verify-ca or verify-full");
      }
    }
    if (sslMode != null) {
      properties.put(
          postgres ? "sslmode" : "sslMode", postgres ? sslMode.libpqName() : sslMode.mysqlName());
    }
    if (shared.sslRootCert() != null) {
      if (!postgres) {
        throw new UsageException(
            "--ssl-root-cert is not supported for MySQL/MariaDB targets yet: give Connector/J a"
                + " trust store in the URL (trustCertificateKeyStoreUrl)");
      }
      properties.put("sslrootcert", shared.sslRootCert().toString());
    }

    String pathAndQuery =
        (database.isEmpty() ? "/" : "/" + database) + (query.isEmpty() ? "" : "?" + query);
    String jdbcUrl = engine.urlPrefix() + "//" + authority + pathAndQuery;
    String display = prefix.toLowerCase(Locale.ROOT) + "//" + authority + pathAndQuery;
    String maintenanceUrl =
        engine.urlPrefix()
            + "//"
            + authority
            + (postgres ? "/postgres" : "/")
            + (query.isEmpty() ? "" : "?" + query);
    return new DatabaseTarget(
        engine, jdbcUrl, display, user, password, properties, database, maintenanceUrl);
  }

  private static boolean hasPort(String authority) {
    if (authority.startsWith("[")) {
      return authority.contains("]:");
    }
    return authority.contains(":");
  }

  private static Map<String, String> parameters(String text, String query) throws UsageException {
    Map<String, String> params = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new UsageException(
            "'" + Display.of(text) + "' has a parameter without a value: '" + pair + "'");
      }
      params.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return params;
  }

  private static String query(Map<String, String> params) {
    StringBuilder query = new StringBuilder();
    params.forEach(
        (key, value) ->
            query.append(query.length() == 0 ? "" : "&").append(key).append('=').append(value));
    return query.toString();
  }

  private static UsageException passwordInUrl(String text) {
    return new UsageException(
        "'"
            + Display.of(text)
            + "' holds a password: pass it with --password-file (or the URL parameter "
            + PASSWORD_FILE
            + "=FILE) instead, so that it stays out of process listings and Pod specs");
  }

  private static Target tcp(String text) throws UsageException {
    URI uri = uri(text);
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new UsageException(
          "'" + Display.of(text) + "' needs a host and a port: tcp://host:port");
    }
    if ((uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null) {
      throw new UsageException("'" + Display.of(text) + "' has a path or query: tcp://host:port");
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new TcpTarget(host, uri.getPort());
  }

  private Target http(String text) throws UsageException {
    URI uri = uri(text);
    if (uri.getHost() == null) {
      throw new UsageException("'" + Display.of(text) + "' has no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new UsageException(
          "'" + Display.of(text) + "' holds user info: db-wait sends no credentials over HTTP");
    }
    return new HttpTarget(uri, shared.httpStatus());
  }

  private static URI uri(String text) throws UsageException {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new UsageException("'" + Display.of(text) + "' is not a URL: " + e.getReason());
    }
  }
}
