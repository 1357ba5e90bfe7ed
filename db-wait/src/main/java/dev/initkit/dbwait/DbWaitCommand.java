package dev.initkit.dbwait;

import dev.initkit.common.cli.EnvironmentDefaults;
import dev.initkit.common.cli.Launcher;
import dev.initkit.common.cli.RetryOptions;
import dev.initkit.common.cli.Secret;
import dev.initkit.common.cli.ToolCommand;
import dev.initkit.common.cli.ToolContext;
import dev.initkit.common.cli.ToolOutcome;
import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.UsageException;
import dev.initkit.common.retry.RetryPolicy;
import dev.initkit.dbwait.probe.DatabaseSetup;
import dev.initkit.dbwait.probe.DatabaseTarget;
import dev.initkit.dbwait.probe.Engine;
import dev.initkit.dbwait.probe.PasswordSource;
import dev.initkit.dbwait.probe.SqlChecks;
import dev.initkit.dbwait.probe.StatusSet;
import dev.initkit.dbwait.probe.Target;
import dev.initkit.dbwait.sql.InitScript;
import dev.initkit.dbwait.sql.InitScriptLoader;
import dev.initkit.dbwait.sql.StatementSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The db-wait command: parses options into {@link WaitOptions} and calls {@link DatabaseWaiter}.
 */
@Command(
    name = "db-wait",
    description = {
      "Waits until each database really accepts work (handshake, login and a query), or each"
          + " TCP port or HTTP endpoint answers, then exits 0.",
      "Targets: jdbc:postgresql://host:port/db, jdbc:mysql://host:port/db (also MariaDB, or"
          + " jdbc:mariadb://), tcp://host:port, http(s)://host/path."
    })
public final class DbWaitCommand extends ToolCommand {
  /** The pace while nothing listens or PostgreSQL starts up; see the README's "How fast". */
  static final String DEFAULT_POLL_INTERVAL = "25ms";

  @Parameters(
      paramLabel = "TARGET",
      arity = "0..*",
      converter = TargetArgument.Converter.class,
      description = "What to wait for; several are awaited in parallel.")
  List<TargetArgument> positional = new ArrayList<>();

  @Option(
      order = 10,
      names = "--url",
      paramLabel = "URL",
      split = EnvironmentDefaults.LINES,
      hideParamSyntax = true,
      converter = TargetArgument.Converter.class,
      description = "A target, like the positional ones; repeatable (in a variable: one per line).")
  List<TargetArgument> urls = new ArrayList<>();

  @Option(
      order = 20,
      names = "--user",
      paramLabel = "USER",
      description =
          "The database user, unless the URL names one (PGUSER is the last fallback for"
              + " PostgreSQL).")
  String user;

  @Option(
      order = 30,
      names = "--password",
      paramLabel = "PASSWORD",
      description = "The database password; prefer --password-file.")
  Secret password;

  @Option(
      order = 31,
      names = "--password-file",
      paramLabel = "FILE",
      description =
          "Reads the password from FILE, one trailing newline stripped (PGPASSWORD is the last"
              + " fallback for PostgreSQL).")
  Path passwordFile;

  @Option(
      order = 40,
      names = "--query",
      paramLabel = "SQL",
      defaultValue = "SELECT 1",
      description = "Run on every attempt; must succeed (default: ${DEFAULT-VALUE}).")
  String query;

  @Option(
      order = 41,
      names = "--writable",
      description = "Also require a server that accepts writes: not a replica, not read-only.")
  boolean writable;

  @Option(
      order = 42,
      names = "--until-sql",
      paramLabel = "SQL",
      description =
          "Also require this query's first column to be true (a row, a migration version);"
              + " a table or column that does not exist yet counts as false.")
  String untilSql;

  @Option(
      order = 43,
      names = "--successes",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Successful checks in a row that make a target ready (default: ${DEFAULT-VALUE}).")
  int successes;

  @Option(
      order = 44,
      names = "--create-database",
      description =
          "Create the target's database when the server says it does not exist (checked first;"
              + " another Pod creating it at the same time counts as success).")
  boolean createDatabase;

  @Option(
      order = 48,
      names = "--init-sql",
      paramLabel = "FILE|DIR",
      split = EnvironmentDefaults.LINES,
      hideParamSyntax = true,
      description =
          "SQL scripts to run once ready, each once per database (recorded with its checksum in"
              + " table initkit_init_sql); a directory means its *.sql files in name order;"
              + " repeatable (in a variable: one per line).")
  List<Path> initSql = new ArrayList<>();

  @Option(
      order = 45,
      names = "--admin-user",
      paramLabel = "USER",
      description = "Who creates the database and runs --init-sql, when not the target's user.")
  String adminUser;

  @Option(
      order = 46,
      names = "--admin-password",
      paramLabel = "PASSWORD",
      description = "The password of --admin-user; prefer --admin-password-file.")
  Secret adminPassword;

  @Option(
      order = 47,
      names = "--admin-password-file",
      paramLabel = "FILE",
      description = "Reads the password of --admin-user from FILE.")
  Path adminPasswordFile;

  @Option(
      order = 50,
      names = "--connect-timeout",
      paramLabel = "DURATION",
      defaultValue = "5s",
      description = "Bounds the connection and login of one attempt (default: ${DEFAULT-VALUE}).")
  Duration connectTimeout;

  @Option(
      order = 51,
      names = "--query-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description =
          "Bounds each query of one attempt, and an HTTP request (default: ${DEFAULT-VALUE}).")
  Duration queryTimeout;

  @Option(
      order = 52,
      names = "--poll-interval",
      paramLabel = "DURATION",
      defaultValue = DEFAULT_POLL_INTERVAL,
      description =
          "The fixed pace while nothing listens or PostgreSQL starts up; other causes back off"
              + " (default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Option(
      order = 60,
      names = "--ssl-mode",
      paramLabel = "MODE",
      description =
          "disable, allow, prefer, require, verify-ca or verify-full (PGSSLMODE is the last"
              + " fallback for PostgreSQL); the driver's default otherwise.")
  String sslMode;

  @Option(
      order = 61,
      names = "--ssl-root-cert",
      paramLabel = "FILE",
      description = "The CA certificate (PEM) for verify-ca and verify-full (PostgreSQL).")
  Path sslRootCert;

  @Option(
      order = 70,
      names = "--http-status",
      paramLabel = "STATUS",
      split = EnvironmentDefaults.COMMAS,
      defaultValue = "2xx",
      description =
          "The statuses that make an HTTP target ready, comma-separated codes or classes like"
              + " 200,3xx (default: ${DEFAULT-VALUE}).")
  List<String> httpStatus;

  @Mixin RetryOptions retry;

  public static void main(String[] args) {
    Launcher.main(new DbWaitCommand(), args);
  }

  /**
   * db-wait's job is to notice a server quickly: its backoff starts at 100ms and stays under 1s,
   * where other tools wait up to 30s. See the README's "How fast".
   */
  @Override
  protected Map<String, String> toolDefaults() {
    return Map.of("--retry-initial", "100ms", "--retry-max-interval", "1s");
  }

  @Override
  protected ToolOutcome execute(ToolContext context) throws InitkitException, InterruptedException {
    WaitOptions options = options(context);
    WaitResult result = new DatabaseWaiter(context.log()).waitFor(options);
    return new ToolOutcome(result.exitCode(), result.failureMessage(), result.toReport());
  }

  private WaitOptions options(ToolContext context) throws UsageException {
    RetryPolicy policy = retry.policy();
    PasswordSource secret = passwordSource(context, "--password", password, passwordFile);
    StatusSet statuses;
    try {
      statuses = StatusSet.parse(httpStatus);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--http-status: " + e.getMessage(), e);
    }
    SslMode mode = null;
    if (sslMode != null) {
      mode = SslMode.fromLibpq(sslMode);
      if (mode == null) {
        throw new UsageException(
            "--ssl-mode '"
                + sslMode
                + "' is not a TLS mode: expected disable, allow, prefer, require, verify-ca or"
                + " verify-full");
      }
    }
    if (sslRootCert != null && !Files.isReadable(sslRootCert)) {
      throw new UsageException("cannot read --ssl-root-cert " + sslRootCert);
    }
    requirePositive("--connect-timeout", connectTimeout);
    requirePositive("--query-timeout", queryTimeout);
    requirePositive("--poll-interval", pollInterval);
    if (successes < 1) {
      throw new UsageException("--successes must be at least 1, got " + successes);
    }
    if (query.isBlank()) {
      throw new UsageException("--query is empty: give a query such as SELECT 1");
    }
    if (untilSql != null && untilSql.isBlank()) {
      throw new UsageException("--until-sql is empty: give a query whose first column is true");
    }

    LibpqEnvironment libpq = libpq(context);
    TargetParser parser =
        new TargetParser(
            new TargetParser.Shared(
                user,
                secret,
                mode,
                sslRootCert,
                libpq,
                statuses,
                (origin, file) -> fileSource(context, origin, file)));
    List<Target> targets = new ArrayList<>();
    List<TargetArgument> given = new ArrayList<>(positional);
    given.addAll(urls);
    for (TargetArgument argument : given) {
      targets.add(parser.parse(argument.text()));
    }
    if (targets.isEmpty()) {
      if (!libpq.namesADatabase()) {
        throw new UsageException(
            "no target: give a URL such as jdbc:postgresql://db:5432/app (or --url, DB_WAIT_URL,"
                + " or PGHOST/PGDATABASE)");
      }
      targets.add(parser.fromLibpq());
    }
    PasswordSource adminSecret =
        passwordSource(context, "--admin-password", adminPassword, adminPasswordFile);
    if (!createDatabase && initSql.isEmpty() && (adminUser != null || adminSecret != null)) {
      throw new UsageException(
          "--admin-user and --admin-password are for --create-database and --init-sql, neither"
              + " of which is set");
    }
    List<InitScript> scripts = initScripts(targets);
    DatabaseSetup setup = new DatabaseSetup(createDatabase, scripts, adminUser, adminSecret);
    SqlChecks checks = new SqlChecks(query, writable, untilSql, connectTimeout, queryTimeout);
    return new WaitOptions(targets, checks, successes, pollInterval, policy, setup);
  }

  /**
   * The --init-sql scripts, read and split now for every engine they will run on, so that a script
   * that cannot be split (an unclosed string) is a usage error before anything runs.
   */
  private List<InitScript> initScripts(List<Target> targets) throws UsageException {
    if (initSql.isEmpty()) {
      return List.of();
    }
    List<DatabaseTarget> databases = new ArrayList<>();
    for (Target target : targets) {
      if (target instanceof DatabaseTarget database) {
        databases.add(database);
      }
    }
    if (databases.isEmpty()) {
      throw new UsageException("--init-sql needs a database target, such as jdbc:postgresql://…");
    }
    List<InitScript> scripts = InitScriptLoader.load(initSql);
    for (DatabaseTarget database : databases) {
      if (database.engine() == Engine.MYSQL && database.database().isEmpty()) {
        throw new UsageException(
            "--init-sql: "
                + database.display()
                + " names no database: put it in the URL (jdbc:mysql://host:3306/app)");
      }
    }
    for (Engine engine : databases.stream().map(DatabaseTarget::engine).distinct().toList()) {
      StatementSplitter splitter = new StatementSplitter(engine);
      for (InitScript script : scripts) {
        try {
          splitter.split(script.text());
        } catch (IllegalArgumentException e) {
          throw new UsageException("--init-sql " + script.name() + ": " + e.getMessage(), e);
        }
      }
    }
    return scripts;
  }

  /** The libpq variables, from the environment the launcher injected (never the real one). */
  private static LibpqEnvironment libpq(ToolContext context) {
    Map<String, String> env = context.environment();
    String password = nonEmpty(env.get("PGPASSWORD"));
    if (password != null) {
      // Not an option, so not registered by the frame: mask it in everything from here on.
      context.log().redactor().register(password);
    }
    return new LibpqEnvironment(
        nonEmpty(env.get("PGHOST")),
        nonEmpty(env.get("PGPORT")),
        nonEmpty(env.get("PGUSER")),
        password == null ? null : new Secret(password),
        nonEmpty(env.get("PGDATABASE")),
        nonEmpty(env.get("PGSSLMODE")));
  }

  /**
   * The literal secret, or its file read now (a usage error when unreadable, before anything is
   * tried) and again on every attempt, so a rotated Secret is picked up; null when neither is set.
   */
  private static PasswordSource passwordSource(
      ToolContext context, String option, Secret literal, Path file) throws UsageException {
    Secret first = context.secretFiles().choose(option, literal, file);
    if (first == null) {
      return null;
    }
    if (file == null) {
      return PasswordSource.fixed(first);
    }
    return fileSource(context, option + "-file", file);
  }

  /** A password file, checked now (a usage error when unreadable) and read on every attempt. */
  private static PasswordSource fileSource(ToolContext context, String origin, Path file)
      throws UsageException {
    context.secretFiles().read(origin, file);
    return () -> {
      try {
        return context.secretFiles().read(origin, file);
      } catch (UsageException e) {
        // Readable at the start, gone now: a fault of the outside world, not of the input.
        throw new IOException(e.getMessage(), e);
      }
    };
  }

  private static String nonEmpty(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static void requirePositive(String option, Duration value) throws UsageException {
    if (value.isNegative() || value.isZero()) {
      throw new UsageException(option + " must be more than 0, like 5s");
    }
  }
}
