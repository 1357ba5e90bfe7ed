package dev.initkit.gitfetch;

import dev.initkit.common.cli.Launcher;
import dev.initkit.common.cli.RetryOptions;
import dev.initkit.common.cli.Secret;
import dev.initkit.common.cli.ToolCommand;
import dev.initkit.common.cli.ToolContext;
import dev.initkit.common.cli.ToolOutcome;
import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.UsageException;
import dev.initkit.common.log.ProgressReporter;
import dev.initkit.common.log.ProgressUnit;
import dev.initkit.common.net.EnvironmentProxies;
import dev.initkit.common.publish.ShutdownGuard;
import dev.initkit.common.retry.AttemptLog;
import dev.initkit.common.retry.Retrier;
import dev.initkit.common.retry.RetryListener;
import dev.initkit.common.tls.CaBundle;
import dev.initkit.gitfetch.jgit.JGitClient;
import dev.initkit.gitfetch.sync.SyncMode;
import dev.initkit.gitfetch.sync.SyncSettings;
import java.net.ProxySelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The git-fetch command line: parses flags and variables into {@link FetchOptions}, nothing more.
 */
@Command(
    name = "git-fetch",
    description =
        "Clones a git repository at a branch, tag or commit into a volume, whole or not at all;"
            + " a re-run with the commit in place verifies it and downloads nothing.")
public final class GitFetchCommand extends ToolCommand {
  @Option(
      order = 10,
      names = "--repo",
      paramLabel = "URL",
      description = "The repository: https://…, http://… or file://… (required).")
  String repo;

  @Option(
      order = 20,
      names = "--ref",
      paramLabel = "REF",
      defaultValue = "HEAD",
      description =
          "A branch, a tag or a full 40-digit commit id (default: ${DEFAULT-VALUE}, the remote's"
              + " default branch).")
  String ref;

  @Option(
      order = 30,
      names = "--depth",
      paramLabel = "N",
      defaultValue = "1",
      description = "Commits of history to fetch; 0 for all (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(
      order = 40,
      names = "--dest",
      paramLabel = "DIR",
      description =
          "Check out into DIR, swapped in whole by a rename (the direct layout); a mount point"
              + " gets its entries, then a completion marker.")
  Path dest;

  @Option(
      order = 50,
      names = "--root",
      paramLabel = "DIR",
      description =
          "With --link: the git-sync layout, one checkout per commit under DIR/.worktrees.")
  Path root;

  @Option(
      order = 60,
      names = "--link",
      paramLabel = "NAME",
      description = "With --root: the relative symlink DIR/NAME to the current checkout.")
  String link;

  @Option(
      order = 70,
      names = "--without-git-dir",
      description = "Publish the files only, without the .git directory.")
  boolean withoutGitDir;

  @Option(
      order = 75,
      names = "--group-writable",
      description =
          "Make files and directories group-writable (g+w), for a main container of another"
              + " user in the same group (fsGroup) that writes into the checkout.")
  boolean groupWritable;

  @Option(
      order = 80,
      names = "--allow-stale",
      description =
          "When the remote cannot be reached (a transient failure), keep the checkout in place"
              + " and exit 0 with a warning instead of failing.")
  boolean allowStale;

  @Option(
      order = 100,
      names = "--username",
      paramLabel = "USER",
      description = "User name for HTTPS basic authentication.")
  String username;

  @Option(
      order = 110,
      names = "--password",
      paramLabel = "PASSWORD",
      description = "Password or token for --username; prefer --password-file.")
  Secret password;

  @Option(
      order = 120,
      names = "--password-file",
      paramLabel = "FILE",
      description = "Read the password or token from FILE, again on each attempt.")
  Path passwordFile;

  @Option(
      order = 130,
      names = "--bearer-token",
      paramLabel = "TOKEN",
      description = "Send 'Authorization: Bearer TOKEN'; prefer --bearer-token-file.")
  Secret bearerToken;

  @Option(
      order = 140,
      names = "--bearer-token-file",
      paramLabel = "FILE",
      description = "Read the bearer token from FILE, again on each attempt.")
  Path bearerTokenFile;

  @Option(
      order = 150,
      names = "--ca-file",
      paramLabel = "FILE",
      description =
          "Trust the certificate authorities in FILE (PEM) for HTTPS, besides the runtime's own.")
  Path caFile;

  @Option(
      order = 160,
      names = "--ssh-key-file",
      paramLabel = "FILE",
      description = "The private key for ssh:// and git@host:path repositories (Ed25519 or RSA).")
  Path sshKeyFile;

  @Option(
      order = 170,
      names = "--ssh-key-passphrase-file",
      paramLabel = "FILE",
      description = "Read the private key's passphrase from FILE, again on each attempt.")
  Path sshKeyPassphraseFile;

  @Option(
      order = 180,
      names = "--ssh-known-hosts-file",
      paramLabel = "FILE",
      description = "The known_hosts file that must list the server's host key (required for ssh).")
  Path sshKnownHostsFile;

  @Option(
      order = 190,
      names = "--ssh-insecure-ignore-host-key",
      description =
          "Accept any host key (no protection against a man in the middle); logged as a warning"
              + " on every run.")
  boolean sshInsecureIgnoreHostKey;

  @Mixin RetryOptions retry;

  @Mixin ContentOptions content;

  @Mixin SyncOptions sync;

  @Mixin TrustOptions trust;

  public static void main(String[] args) {
    // git-fetch shows no local time (logs and reports are in UTC), but JGit's file snapshots ask
    // for the default zone: on a host whose /etc/localtime names a region ("Etc/UTC"), that loads
    // the JDK's whole time-zone database, ~12 ms of every run; "UTC" is built in.
    System.setProperty("user.timezone", "UTC");
    Launcher.main(new GitFetchCommand(), args);
  }

  @Override
  protected ToolOutcome execute(ToolContext context) throws InitkitException, InterruptedException {
    FetchOptions options = options(context);
    Optional<SyncSettings> syncing = sync.settings(options.destination(), options.allowStale());
    Optional<EnvironmentProxies> proxies;
    try {
      proxies = EnvironmentProxies.from(context.environment());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    // JGit takes the process's default ProxySelector; set it for this run only.
    ProxySelector previous = ProxySelector.getDefault();
    proxies.ifPresent(ProxySelector::setDefault);
    // SIGTERM interrupts the work (the guard) and raises the signal that JGit's progress checks
    // ask: JGit stops at its next progress update, and the staging directory is removed on the
    // way out (or by the guard, if the work does not end in time); the previous checkout stays.
    try (ShutdownSignal signal = ShutdownSignal.open()) {
      if (syncing.isPresent()) {
        return new SyncMode(context, syncing.get(), retry.policy(), options.ref().toString())
            .run(first -> fetchOnce(context, signal, options, !first));
      }
      return ToolOutcome.done(fetchOnce(context, signal, options, false).toReport());
    } finally {
      ProxySelector.setDefault(previous);
    }
  }

  /**
   * One run of the fetcher; {@code routine} for the syncs after the first in sync mode, whose
   * failed attempts go to the debug log (the sync loop reports failed syncs, rate-limited).
   */
  private FetchResult fetchOnce(
      ToolContext context, ShutdownSignal signal, FetchOptions options, boolean routine)
      throws InitkitException, InterruptedException {
    try (ShutdownGuard guard = ShutdownGuard.open()) {
      JGitClient client =
          options.signatures().required() ? JGitClient.detectingCollisions() : new JGitClient();
      RepositoryFetcher fetcher = fetcher(context, client, guard, signal, routine);
      return (routine ? fetcher.routine() : fetcher).fetch(options);
    }
  }

  private RepositoryFetcher fetcher(
      ToolContext context,
      JGitClient client,
      ShutdownGuard guard,
      ShutdownSignal signal,
      boolean routine)
      throws UsageException {
    RetryListener attempts =
        routine
            ? failure -> context.log().debug(failure.describe())
            : new AttemptLog(context.log(), AttemptLog.DEFAULT_INTERVAL);
    Retrier retrier = Retrier.create(retry.policy(), client.classifier()).withListener(attempts);
    ProgressSource progress =
        new ProgressSource() {
          @Override
          public ProgressReporter start(String task, long total) {
            return context.progress(task, total, ProgressUnit.ITEMS);
          }

          @Override
          public boolean cancelled() {
            return signal.isRaised();
          }
        };
    return new RepositoryFetcher(
        client, guard, retrier, context.log(), progress, context.log().clock());
  }

  /** Validates every flag and their combinations; nothing has been written yet. */
  FetchOptions options(ToolContext context) throws UsageException {
    if (repo == null || repo.isBlank()) {
      throw new UsageException("--repo is required: the repository URL to fetch");
    }
    RedactedUrl url;
    try {
      url = RedactedUrl.parse(repo);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--repo: " + e.getMessage());
    }
    url.password().ifPresent(context.log().redactor()::register);
    GitRef gitRef;
    try {
      gitRef = GitRef.parse(ref);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--ref: " + e.getMessage());
    }
    if (depth < 0) {
      throw new UsageException("--depth must be 0 (full history) or more, not " + depth);
    }
    return new FetchOptions(
        url,
        gitRef,
        depth,
        destination(),
        !withoutGitDir,
        groupWritable,
        trust.credentials(context, url, credentials(context, url)),
        caBundle(url),
        ssh(context, url),
        allowStale,
        content.selection(),
        trust.signaturePolicy());
  }

  private SshSettings ssh(ToolContext context, RedactedUrl url) throws UsageException {
    boolean anySsh =
        sshKeyFile != null
            || sshKeyPassphraseFile != null
            || sshKnownHostsFile != null
            || sshInsecureIgnoreHostKey;
    if (url.scheme() != RedactedUrl.Scheme.SSH) {
      if (anySsh) {
        throw new UsageException("--ssh-* options are for ssh repositories, not " + url);
      }
      return SshSettings.NONE;
    }
    if (sshKnownHostsFile == null && !sshInsecureIgnoreHostKey) {
      throw new UsageException(
          "ssh needs --ssh-known-hosts-file to check the server's host key"
              + " (or, knowingly, --ssh-insecure-ignore-host-key)");
    }
    if (sshKnownHostsFile != null && sshInsecureIgnoreHostKey) {
      throw new UsageException(
          "--ssh-known-hosts-file and --ssh-insecure-ignore-host-key contradict each other");
    }
    if (sshKeyPassphraseFile != null && sshKeyFile == null) {
      throw new UsageException("--ssh-key-passphrase-file needs --ssh-key-file");
    }
    for (Path file : new Path[] {sshKeyFile, sshKnownHostsFile}) {
      if (file != null && !Files.isReadable(file)) {
        throw new UsageException("cannot read " + file);
      }
    }
    if (sshInsecureIgnoreHostKey) {
      context
          .log()
          .warn(
              "the ssh host key is not checked (--ssh-insecure-ignore-host-key): anyone between"
                  + " this Pod and the server can serve another repository");
    }
    return new SshSettings(
        Optional.ofNullable(sshKeyFile),
        sshKeyPassphraseFile == null
            ? Optional.empty()
            : Optional.of(readEachTime(context, "--ssh-key-passphrase-file", sshKeyPassphraseFile)),
        Optional.ofNullable(sshKnownHostsFile),
        sshInsecureIgnoreHostKey);
  }

  private Optional<CaBundle> caBundle(RedactedUrl url) throws UsageException {
    if (caFile == null) {
      return Optional.empty();
    }
    if (url.scheme() != RedactedUrl.Scheme.HTTPS) {
      throw new UsageException("--ca-file is for https:// repositories, not " + url);
    }
    return Optional.of(CaBundle.read(caFile, "--ca-file"));
  }

  private Destination destination() throws UsageException {
    if (dest != null && (root != null || link != null)) {
      throw new UsageException(
          "--dest cannot be combined with --root/--link: choose the direct or the symlink layout");
    }
    if (dest != null) {
      if (dest.toString().isBlank()) {
        throw new UsageException("--dest is empty");
      }
      if (dest.toAbsolutePath().normalize().getParent() == null) {
        throw new UsageException("--dest cannot be the root directory: name a directory in it");
      }
      return new Destination.Direct(dest);
    }
    if (root == null && link == null) {
      throw new UsageException("--dest DIR, or --root DIR with --link NAME, is required");
    }
    if (root == null || link == null) {
      throw new UsageException("--root and --link go together: give both");
    }
    if (link.isEmpty()
        || link.contains("/")
        || link.equals(".")
        || link.equals("..")
        || link.equals(Destination.Linked.WORKTREES)
        || link.startsWith(".")) {
      throw new UsageException(
          "--link must be a plain file name, not starting with '.', in --root: '" + link + "'");
    }
    return new Destination.Linked(root, link);
  }

  private GitCredentials credentials(ToolContext context, RedactedUrl url) throws UsageException {
    if (password != null && passwordFile != null) {
      throw new UsageException("--password and --password-file were both given: set only one");
    }
    if (bearerToken != null && bearerTokenFile != null) {
      throw new UsageException(
          "--bearer-token and --bearer-token-file were both given: set only one");
    }
    Optional<SecretSource> passwordSource =
        passwordFile != null
            ? Optional.of(readEachTime(context, "--password-file", passwordFile))
            : Optional.ofNullable(password)
                .or(() -> url.password().map(Secret::new))
                .map(SecretSource::of);
    Optional<SecretSource> bearerSource =
        bearerTokenFile != null
            ? Optional.of(readEachTime(context, "--bearer-token-file", bearerTokenFile))
            : Optional.ofNullable(bearerToken).map(SecretSource::of);
    Optional<String> user = Optional.ofNullable(username).or(url::user);
    if (passwordSource.isPresent() && user.isEmpty()) {
      throw new UsageException(
          "a password needs --username (for a token, any name the server"
              + " accepts, such as x-access-token or oauth2)");
    }
    if (bearerSource.isPresent() && (passwordSource.isPresent() || username != null)) {
      throw new UsageException(
          "--bearer-token cannot be combined with --username/--password: choose one");
    }
    if ((passwordSource.isPresent() || bearerSource.isPresent())
        && (url.scheme() == RedactedUrl.Scheme.FILE || url.scheme() == RedactedUrl.Scheme.SSH)) {
      throw new UsageException(
          "--username, --password and --bearer-token are for http(s) repositories, not " + url);
    }
    return new GitCredentials(user, passwordSource, bearerSource);
  }

  /** Reads the file once now (a missing file is a usage error), and again on each attempt. */
  private static SecretSource readEachTime(ToolContext context, String option, Path file)
      throws UsageException {
    context.secretFiles().read(option, file);
    return () -> context.secretFiles().read(option, file);
  }
}
