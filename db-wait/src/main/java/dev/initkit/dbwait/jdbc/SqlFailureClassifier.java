package dev.initkit.dbwait.jdbc;

import dev.initkit.common.failure.Classification;
import dev.initkit.common.failure.FailureClassifier;
import dev.initkit.dbwait.probe.Causes;
import dev.initkit.dbwait.probe.Engine;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Classifies a failed database check by what the server or the driver said: the SQLSTATE for
 * PostgreSQL, the vendor error code (then the SQLSTATE) for MySQL and MariaDB, and the network
 * cause underneath both. One rule per line, each with why.
 *
 * <p>Unknown codes are transient: a wait tool that gives up early on a cause it does not know fails
 * Pods that would have started, while the deadline bounds a wait that never ends.
 */
public final class SqlFailureClassifier implements FailureClassifier {
  private static final String FIX_CREDENTIALS = "check --user and --password / --password-file";

  private final Engine engine;

  public SqlFailureClassifier(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Classification classify(Exception failure) {
    // The network first: the drivers wrap these in SQLExceptions of their own.
    if (Causes.unresolvedHost(failure)) {
      return Classification.transientCause("host name not resolvable (yet)");
    }
    if (Causes.nothingListening(failure)) {
      return Classification.transientCause("connection refused (nothing listens yet)");
    }
    Throwable tls = Causes.find(failure, SSLException.class);
    if (tls == null) {
      tls = Causes.find(failure, CertificateException.class);
    }
    if (tls != null) {
      // A certificate that does not match or is not trusted does not fix itself.
      return Classification.permanentCause(
          "TLS failed (" + tls.getMessage() + "): check --ssl-mode and the CA certificate");
    }
    SQLException sql = Causes.find(failure, SQLException.class);
    if (sql == null) {
      if (Causes.find(failure, SocketTimeoutException.class) != null) {
        return Classification.transientCause("timed out");
      }
      return FailureClassifier.NETWORK.classify(failure);
    }
    return engine == Engine.POSTGRESQL ? postgresql(sql) : mysql(sql);
  }

  /**
   * Whether polling at a short fixed interval is right: nothing listens (free for the server), or
   * PostgreSQL says it is starting up (a window of milliseconds to seconds).
   */
  public boolean quickToRetry(Exception failure) {
    if (Causes.nothingListening(failure)) {
      return true;
    }
    SQLException sql = Causes.find(failure, SQLException.class);
    return sql != null && engine == Engine.POSTGRESQL && "57P03".equals(sql.getSQLState());
  }

  /**
   * Whether the login failed because the database does not exist: PostgreSQL 3D000, MySQL 1049, and
   * MySQL 1044, which a user without rights gets for a missing database too.
   */
  public boolean isUnknownDatabase(SQLException e) {
    if (engine == Engine.POSTGRESQL) {
      return "3D000".equals(e.getSQLState());
    }
    return e.getErrorCode() == 1049 || e.getErrorCode() == 1044;
  }

  /** Whether the failure says a table, column or schema does not exist (yet). */
  public boolean isMissingObject(SQLException e) {
    String state = String.valueOf(e.getSQLState());
    if (engine == Engine.POSTGRESQL) {
      return state.equals("42P01") || state.equals("42703") || state.equals("3F000");
    }
    return e.getErrorCode() == 1146 || e.getErrorCode() == 1054;
  }

  private static Classification postgresql(SQLException e) {
    String state = String.valueOf(e.getSQLState());
    String said = " (" + state + ": " + firstLine(e) + ")";
    switch (state) {
      case "57P03":
        // Listening, but still starting or recovering: over in moments.
        return Classification.transientCause("the database system is starting up" + said);
      case "53300":
        // Full now; another Pod will close its connection.
        return Classification.transientCause("too many connections" + said);
      case "28P01":
        return Classification.permanentCause("bad credentials" + said + ": " + FIX_CREDENTIALS);
      case "28000":
        return Classification.permanentCause(
            "login refused" + said + ": check the user and the server's pg_hba.conf");
      case "3D000":
        return Classification.permanentCause(
            "the database does not exist" + said + ": check the database name in the URL");
      case "42501":
        return Classification.permanentCause(
            "permission denied" + said + ": grant the user CONNECT and what the checks read");
      case "08P01":
        // A protocol violation: most likely not a PostgreSQL server on that port.
        return Classification.permanentCause(
            "protocol violation" + said + ": is this a PostgreSQL server?");
      default:
        break;
    }
    if (firstLine(e).contains("could not be verified by hostnameverifier")) {
      // verify-full: the certificate is good but names another host.
      return Classification.permanentCause(
          "the server's TLS certificate does not name this host"
              + said
              + ": connect by a name in the certificate, or check --ssl-mode");
    }
    if (firstLine(e).contains("does not support SSL")) {
      return Classification.permanentCause(
          "the server does not support TLS" + said + ": check --ssl-mode");
    }
    return byStateClass(state, said);
  }

  private static Classification mysql(SQLException e) {
    int code = e.getErrorCode();
    String state = String.valueOf(e.getSQLState());
    String said = " (" + (code != 0 ? code : state) + ": " + firstLine(e) + ")";
    switch (code) {
      case 1040, 1203, 1226:
        // Too many connections, for the server or this user: another Pod will let go.
        return Classification.transientCause("too many connections" + said);
      case 1053, 1927, 2006, 2013:
        // Shutting down, killed, gone away, lost: a restart in progress.
        return Classification.transientCause("the server went away" + said);
      case 2002, 2003:
        return Classification.transientCause("cannot connect" + said);
      case 2005:
        return Classification.transientCause("host name not resolvable (yet)" + said);
      case 1045:
        return Classification.permanentCause("bad credentials" + said + ": " + FIX_CREDENTIALS);
      case 1044:
        // MySQL answers this, not 1049, to a user without rights on a database that is missing.
        return Classification.permanentCause(
            "the database does not exist or the user may not use it"
                + said
                + ": check the name in the URL, or grant the user access to it");
      case 1049:
        return Classification.permanentCause(
            "the database does not exist" + said + ": check the database name in the URL");
      case 1129:
        return Classification.permanentCause(
            "this host is blocked after too many aborted connections"
                + said
                + ": run FLUSH HOSTS on the server, and never probe it with bare TCP");
      case 1130:
        return Classification.permanentCause(
            "this host may not connect" + said + ": grant the user access from this host");
      case 1251, 3159:
        return Classification.permanentCause(
            "the server wants another authentication or TLS" + said + ": check --ssl-mode");
      default:
        break;
    }
    String message = firstLine(e).toLowerCase(Locale.ROOT);
    if (message.contains("public key retrieval is not allowed")) {
      return Classification.permanentCause(
          "the login needs TLS or the server's public key"
              + said
              + ": use --ssl-mode require, or add allowPublicKeyRetrieval=true to the URL");
    }
    if (state.startsWith("S1")) {
      // Connector/J's own "illegal argument": a bad URL property.
      return Classification.permanentCause(
          "the driver refused the URL or a property" + said + ": check the URL");
    }
    return byStateClass(state, said);
  }

  /** What the SQLSTATE class says when no more specific rule matched. */
  private static Classification byStateClass(String state, String said) {
    String stateClass = state.length() >= 2 ? state.substring(0, 2) : state;
    switch (stateClass) {
      case "08":
        // Connection exceptions: refused, dropped, reset, a restart in progress.
        return Classification.transientCause("connection failed" + said);
      case "53", "57", "58":
        // Insufficient resources, operator intervention (shutdown), system I/O errors.
        return Classification.transientCause("the server cannot serve now" + said);
      case "28":
        return Classification.permanentCause("login refused" + said + ": " + FIX_CREDENTIALS);
      case "3D", "3F", "42", "0A", "22":
        // Names that do not exist, SQL the server refuses, features it lacks: fix the input.
        return Classification.permanentCause("the server refused the SQL or a name" + said);
      default:
        return Classification.transientCause("failed" + said);
    }
  }

  /** The first line of the driver's message (PostgreSQL adds hints and positions below it). */
  static String firstLine(SQLException e) {
    String message = String.valueOf(e.getMessage()).strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline).strip();
  }
}
