package dev.initkit.depsfetch;

import dev.initkit.common.cli.EnvironmentDefaults;
import dev.initkit.common.cli.Launcher;
import dev.initkit.common.cli.RetryOptions;
import dev.initkit.common.cli.SecretFiles;
import dev.initkit.common.cli.ToolCommand;
import dev.initkit.common.cli.ToolContext;
import dev.initkit.common.cli.ToolOutcome;
import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.failure.UsageException;
import dev.initkit.common.log.ProgressUnit;
import dev.initkit.common.net.EnvironmentProxies;
import dev.initkit.depsfetch.resolver.MavenResolution;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The deps-fetch command: parses options into {@link FetchOptions} and runs one fetch. */
@Command(
    name = "deps-fetch",
    description = {
      "Puts Maven artifacts and their dependencies into a directory, resolved exactly as Maven "
          + "puts them on a classpath (nearest wins, scopes, exclusions, dependencyManagement, "
          + "BOM imports, relocations), checksums verified.",
      "Coordinates are G:A[:E[:C]]:V, Maven Resolver's order: groupId:artifactId"
          + "[:extension[:classifier]]:version; the version may be a range like [3.12,3.14]."
    })
public final class DepsFetchCommand extends ToolCommand {
  @Mixin RetryOptions retry;

  @Parameters(
      paramLabel = "G:A[:E[:C]]:V",
      arity = "0..*",
      description = "Artifacts to fetch, such as org.postgresql:postgresql:42.7.4.")
  List<String> positional = List.of();

  @Option(
      order = 10,
      names = "--artifact",
      paramLabel = "G:A[:E[:C]]:V",
      split = EnvironmentDefaults.LINES,
      hideParamSyntax = true,
      description = "An artifact to fetch; repeatable (in a variable: one per line).")
  List<String> artifacts = List.of();

  @Option(
      order = 20,
      names = "--artifacts-file",
      paramLabel = "FILE",
      description = "A file of artifacts to fetch, one per line; # starts a comment.")
  Path artifactsFile;

  @Option(
      order = 30,
      names = "--transitive",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Fetch the artifacts' dependencies too (default); --no-transitive fetches the "
              + "artifacts alone.")
  boolean transitive = true;

  @Option(
      order = 40,
      names = "--scope",
      paramLabel = "compile|runtime",
      defaultValue = "runtime",
      description =
          "Which dependencies: runtime = compile + runtime scopes, compile = compile scope "
              + "(default: ${DEFAULT-VALUE}).")
  Scope scope;

  @Option(
      order = 50,
      names = "--exclude",
      paramLabel = "G:A",
      split = EnvironmentDefaults.LINES,
      hideParamSyntax = true,
      description =
          "Leave out a dependency and everything under it; * matches any groupId or "
              + "artifactId; repeatable (in a variable: one per line).")
  List<String> excludes = List.of();

  @Option(
      order = 100,
      names = "--dest",
      paramLabel = "DIR",
      description = "The directory to fill; replaced whole, never left half-written (required).")
  Path dest;

  @Option(
      order = 110,
      names = "--layout",
      paramLabel = "flat|repository",
      defaultValue = "flat",
      description =
          "flat: artifactId-version[-classifier].extension in one directory; repository: a "
              + "Maven local repository with POMs, to seed ~/.m2 (default: ${DEFAULT-VALUE}).")
  Layout layout;

  @Option(
      order = 120,
      names = "--strip-version",
      description = "Flat layout: name files artifactId[-classifier].extension.")
  boolean stripVersion;

  @Option(
      order = 125,
      names = "--unpack",
      description =
          "Flat layout: unpack zip, tar, tar.gz and tgz artifacts into directories named like "
              + "the file without its extension (entries that would land or point outside refused).")
  boolean unpack;

  @Option(
      order = 130,
      names = "--cache",
      paramLabel = "DIR",
      description =
          "A persistent local repository (a volume several Pods may share at once); "
              + "without it, a throwaway one in the staging directory on --dest's volume.")
  Path cache;

  @Option(
      order = 200,
      names = "--repository",
      paramLabel = "ID=URL",
      split = EnvironmentDefaults.LINES,
      hideParamSyntax = true,
      description =
          "A Maven repository to resolve from, tried in order after Maven Central; repeatable "
              + "(in a variable: one per line).")
  List<String> repositories = List.of();

  @Option(
      order = 210,
      names = "--no-default-repositories",
      description = "Do not use Maven Central.")
  boolean noDefaultRepositories;

  @Option(
      order = 220,
      names = "--mirror",
      paramLabel = "URL",
      description =
          "Resolve everything through this repository instead (id 'mirror', for credentials).")
  String mirror;

  @Option(
      order = 225,
      names = "--settings",
      paramLabel = "FILE",
      description =
          "A Maven settings.xml: its servers (credentials, HTTP headers), mirrors and first "
              + "active proxy.")
  Path settings;

  @Option(
      order = 228,
      names = "--ca-file",
      paramLabel = "FILE",
      description =
          "PEM certificates of CAs to trust for TLS, besides the runtime's (a private "
              + "repository's CA).")
  Path caFile;

  @Option(
      order = 230,
      names = "--offline",
      description = "Resolve from --cache only, without the network.")
  boolean offline;

  @Option(
      order = 240,
      names = "--repository-username",
      paramLabel = "ID=USER",
      split = EnvironmentDefaults.LINES,
      hideParamSyntax = true,
      description =
          "The user name for a repository's basic authentication; repeatable (in a variable: "
              + "one per line).")
  List<String> usernames = List.of();

  @Option(
      order = 250,
      names = "--repository-password-file",
      paramLabel = "ID=FILE",
      split = EnvironmentDefaults.LINES,
      hideParamSyntax = true,
      description =
          "The file holding a repository's password (a mounted Secret); repeatable (in a "
              + "variable: one per line).")
  List<String> passwordFiles = List.of();

  @Option(
      order = 260,
      names = "--repository-token-file",
      paramLabel = "ID=FILE",
      split = EnvironmentDefaults.LINES,
      hideParamSyntax = true,
      description =
          "The file holding a token for a repository, sent as 'Authorization: Bearer <token>'; "
              + "repeatable (in a variable: one per line).")
  List<String> tokenFiles = List.of();

  @Option(
      order = 270,
      names = "--repository-token-header",
      paramLabel = "ID=HEADER",
      split = EnvironmentDefaults.LINES,
      hideParamSyntax = true,
      description =
          "Send a repository's token bare in this header instead, like Private-Token; "
              + "repeatable (in a variable: one per line).")
  List<String> tokenHeaders = List.of();

  @Option(
      order = 140,
      names = "--classpath-file",
      paramLabel = "FILE",
      description = "Also write the classpath, in Maven's order, to this file outside --dest.")
  Path classpathFile;

  @Option(
      order = 150,
      names = "--classpath-format",
      paramLabel = "colon|argfile",
      defaultValue = "colon",
      description =
          "colon: a:b:c; argfile: -cp \"a:b:c\" for 'java @FILE' (default: ${DEFAULT-VALUE}).")
  ClasspathFile.Format classpathFormat;

  @Option(
      order = 160,
      names = "--classpath-prefix",
      paramLabel = "DIR",
      description =
          "Where the main container sees --dest, for the classpath entries (default: --dest).")
  String classpathPrefix;

  @Option(
      order = 300,
      names = "--lock-file",
      paramLabel = "FILE",
      description =
          "Verify the resolved artifacts' versions and SHA-256 against this file; on a "
              + "mismatch exit 1 and place nothing.")
  Path lockFile;

  @Option(
      order = 310,
      names = "--write-lock-file",
      description = "Write --lock-file from this run's resolution instead of verifying it.")
  boolean writeLockFile;

  @Option(
      order = 400,
      names = "--threads",
      paramLabel = "N",
      defaultValue = "8",
      description = "Parallel downloads, of POMs and of artifacts (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      order = 410,
      names = "--checksums",
      paramLabel = "sha512,sha256,sha1,md5",
      split = EnvironmentDefaults.COMMAS,
      defaultValue = "sha512,sha256,sha1",
      description =
          "Checksums to verify, in order: the first a repository has for a file must match, "
              + "and a file with none fails (default: ${DEFAULT-VALUE}).")
  List<ChecksumAlgorithm> checksums;

  public static void main(String[] args) {
    Launcher.main(new DepsFetchCommand(), args);
  }

  @Override
  protected ToolOutcome execute(ToolContext context) throws InitkitException, InterruptedException {
    FetchOptions options =
        options(context.secretFiles(), context.log().redactor()::register, context.environment());
    try (MavenResolution resolution = new MavenResolution()) {
      FetchResult result =
          ArtifactFetcher.create(
                  resolution, context.log(), task -> context.progress(task, 0, ProgressUnit.BYTES))
              .fetch(options);
      return ToolOutcome.done(result.toReport());
    }
  }

  /** HTTPS_PROXY, HTTP_PROXY and NO_PROXY, read by common's rules (git-fetch reads them too). */
  private static Optional<EnvironmentProxy> environmentProxy(Map<String, String> environment)
      throws UsageException {
    try {
      return EnvironmentProxies.from(environment).map(EnvironmentProxy::new);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  FetchOptions options(
      SecretFiles secretFiles,
      java.util.function.Consumer<String> secrets,
      Map<String, String> environment)
      throws UsageException {
    return new OptionsParser(secretFiles, secrets)
        .parse(
            new OptionsParser.Raw(
                positional,
                artifacts,
                Optional.ofNullable(artifactsFile),
                transitive,
                scope,
                excludes,
                Optional.ofNullable(dest),
                layout,
                stripVersion,
                unpack,
                Optional.ofNullable(cache),
                repositories,
                noDefaultRepositories,
                Optional.ofNullable(mirror),
                Optional.ofNullable(settings),
                Optional.ofNullable(caFile),
                environmentProxy(environment),
                offline,
                usernames,
                passwordFiles,
                tokenFiles,
                tokenHeaders,
                Optional.ofNullable(lockFile),
                writeLockFile,
                threads,
                checksums,
                Optional.ofNullable(classpathFile),
                classpathFormat,
                Optional.ofNullable(classpathPrefix),
                retry.policy()));
  }
}
