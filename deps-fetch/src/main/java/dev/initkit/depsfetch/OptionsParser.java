package dev.initkit.depsfetch;

import dev.initkit.common.cli.OptionFiles;
import dev.initkit.common.cli.Secret;
import dev.initkit.common.cli.SecretFiles;
import dev.initkit.common.failure.UsageException;
import dev.initkit.common.retry.RetryPolicy;
import dev.initkit.common.tls.CaBundle;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the command line's raw values into {@link FetchOptions}, or a {@link UsageException} naming
 * the option and what to write instead. Reads nothing but the artifacts file and the secret files,
 * and writes nothing.
 */
final class OptionsParser {
  static final int MAX_THREADS = 64;
  private static final Pattern REPOSITORY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

  /** The values as picocli parsed them. */
  record Raw(
      List<String> positional,
      List<String> artifacts,
      Optional<Path> artifactsFile,
      boolean transitive,
      Scope scope,
      List<String> excludes,
      Optional<Path> dest,
      Layout layout,
      boolean stripVersion,
      boolean unpack,
      Optional<Path> cache,
      List<String> repositories,
      boolean noDefaultRepositories,
      Optional<String> mirror,
      Optional<Path> settings,
      Optional<Path> caFile,
      Optional<EnvironmentProxy> environmentProxy,
      boolean offline,
      List<String> usernames,
      List<String> passwordFiles,
      List<String> tokenFiles,
      List<String> tokenHeaders,
      Optional<Path> lockFile,
      boolean writeLockFile,
      int threads,
      List<ChecksumAlgorithm> checksums,
      Optional<Path> classpathFile,
      ClasspathFile.Format classpathFormat,
      Optional<String> classpathPrefix,
      RetryPolicy retry) {}

  private final SecretFiles secretFiles;
  private final java.util.function.Consumer<String> secrets;

  /**
   * @param secrets hears of every secret read from settings.xml, for redaction
   */
  OptionsParser(SecretFiles secretFiles, java.util.function.Consumer<String> secrets) {
    this.secretFiles = secretFiles;
    this.secrets = secrets;
  }

  FetchOptions parse(Raw raw) throws UsageException {
    List<Coordinates> artifacts = artifacts(raw);
    List<Exclusion> excludes = new ArrayList<>();
    for (String text : raw.excludes()) {
      try {
        excludes.add(Exclusion.parse(text));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--exclude " + e.getMessage(), e);
      }
    }
    Path dest = dest(raw);
    if (raw.offline() && raw.cache().isEmpty()) {
      throw new UsageException(
          "--offline needs --cache: offline, artifacts can only come from a cache");
    }
    if (raw.writeLockFile() && raw.lockFile().isEmpty()) {
      throw new UsageException("--write-lock-file needs --lock-file, the file to write");
    }
    if (raw.stripVersion() && raw.layout() == Layout.REPOSITORY) {
      throw new UsageException("--strip-version applies to --layout flat only");
    }
    if (raw.unpack() && raw.layout() == Layout.REPOSITORY) {
      throw new UsageException("--unpack applies to --layout flat only");
    }
    if (raw.threads() < 1 || raw.threads() > MAX_THREADS) {
      throw new UsageException(
          "--threads must be between 1 and " + MAX_THREADS + ", not " + raw.threads());
    }
    if (raw.checksums().isEmpty()) {
      throw new UsageException("--checksums needs at least one of sha512, sha256, sha1, md5");
    }
    if (raw.checksums().size() != new java.util.HashSet<>(raw.checksums()).size()) {
      throw new UsageException("--checksums names an algorithm twice");
    }
    SettingsFile settings =
        raw.settings().isPresent()
            ? SettingsFile.read(raw.settings().get(), secrets)
            : SettingsFile.NONE;
    List<Repository> repositories = repositories(raw, settings);
    // --mirror replaced every repository already; settings.xml's mirrors apply otherwise.
    List<Mirror> mirrors = raw.mirror().isPresent() ? List.of() : settings.mirrors();
    return new FetchOptions(
        artifacts,
        raw.transitive(),
        raw.scope(),
        excludes,
        repositories,
        mirrors,
        // settings.xml's proxy wins over the environment's, so the file says all when given.
        settings.proxy().<HttpProxy>map(p -> p).or(raw::environmentProxy),
        raw.caFile().isPresent()
            ? Optional.of(trusting(CaBundle.read(raw.caFile().get(), "--ca-file")))
            : Optional.empty(),
        raw.offline(),
        dest,
        raw.layout(),
        raw.stripVersion(),
        raw.unpack(),
        raw.cache(),
        raw.lockFile(),
        raw.writeLockFile(),
        raw.threads(),
        raw.checksums(),
        classpathFile(raw, dest),
        raw.retry());
  }

  private List<Coordinates> artifacts(Raw raw) throws UsageException {
    List<Coordinates> artifacts = new ArrayList<>();
    for (String text : raw.positional()) {
      artifacts.add(coordinates("argument", text));
    }
    for (String text : raw.artifacts()) {
      artifacts.add(coordinates("--artifact", text));
    }
    if (raw.artifactsFile().isPresent()) {
      Path file = raw.artifactsFile().get();
      List<String> lines = OptionFiles.read("--artifacts-file", file).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        int hash = line.indexOf('#');
        String text = (hash < 0 ? line : line.substring(0, hash)).strip();
        if (!text.isEmpty()) {
          artifacts.add(coordinates("--artifacts-file " + file + " line " + (i + 1), text));
        }
      }
    }
    if (artifacts.isEmpty()) {
      throw new UsageException(
          "no artifact given: name one as an argument, with --artifact or in --artifacts-file, "
              + "like org.postgresql:postgresql:42.7.4");
    }
    return artifacts;
  }

  private static Coordinates coordinates(String where, String text) throws UsageException {
    try {
      return Coordinates.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(where + ": " + e.getMessage(), e);
    }
  }

  private static Optional<ClasspathFile> classpathFile(Raw raw, Path dest) throws UsageException {
    if (raw.classpathFile().isEmpty()) {
      if (raw.classpathPrefix().isPresent()) {
        throw new UsageException("--classpath-prefix needs --classpath-file");
      }
      return Optional.empty();
    }
    Path file = raw.classpathFile().get();
    Path absolute = file.toAbsolutePath().normalize();
    Path destination = dest.toAbsolutePath().normalize();
    if (absolute.startsWith(destination)) {
      throw new UsageException(
          "--classpath-file must be outside --dest, which is replaced whole; put it beside it, "
              + "like "
              + destination.resolveSibling("classpath"));
    }
    if (Files.isDirectory(absolute)) {
      throw new UsageException("--classpath-file " + file + " is a directory");
    }
    String prefix = raw.classpathPrefix().orElse(destination.toString());
    if (prefix.isBlank() || prefix.contains(":")) {
      throw new UsageException(
          "--classpath-prefix must be a directory path without ':', like /app/lib");
    }
    return Optional.of(new ClasspathFile(file, raw.classpathFormat(), prefix));
  }

  private static Path dest(Raw raw) throws UsageException {
    Path dest =
        raw.dest()
            .orElseThrow(() -> new UsageException("--dest is required: the directory to fill"));
    Path absolute = dest.toAbsolutePath().normalize();
    if (absolute.getParent() == null) {
      throw new UsageException("--dest cannot be the root directory: it is replaced whole");
    }
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new UsageException("--dest " + dest + " exists and is not a directory");
    }
    if (raw.cache().isPresent()) {
      Path cache = raw.cache().get().toAbsolutePath().normalize();
      if (cache.startsWith(absolute) || absolute.startsWith(cache)) {
        throw new UsageException(
            "--cache and --dest must not contain each other: --dest is replaced whole");
      }
    }
    return dest;
  }

  private List<Repository> repositories(Raw raw, SettingsFile settings) throws UsageException {
    Map<String, Repository> byId = new LinkedHashMap<>();
    if (raw.mirror().isPresent()) {
      URI url = url("--mirror", raw.mirror().get());
      byId.put("mirror", new Repository("mirror", url, Credentials.NONE));
    } else {
      if (!raw.noDefaultRepositories()) {
        byId.put(Repository.CENTRAL.id(), Repository.CENTRAL);
      }
      for (String text : raw.repositories()) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
          throw new UsageException(
              "--repository '" + Redact.url(text) + "' is not ID=URL, like internal=https://…");
        }
        String id = text.substring(0, eq).strip();
        checkId("--repository", id);
        URI url = url("--repository " + id, text.substring(eq + 1).strip());
        if (byId.putIfAbsent(id, new Repository(id, url, Credentials.NONE)) != null) {
          throw new UsageException("--repository " + id + " is given twice");
        }
      }
      // settings.xml's active profiles add theirs after the command line's, which wins on an id;
      // one named central replaces Central's URL in its place, as it overrides Central in Maven.
      for (Repository repository : settings.repositories()) {
        if (byId.get(repository.id()) == Repository.CENTRAL) {
          byId.put(repository.id(), repository);
        } else {
          byId.putIfAbsent(repository.id(), repository);
        }
      }
    }
    if (byId.isEmpty()) {
      throw new UsageException(
          "no repository to resolve from: --no-default-repositories needs --repository, "
              + "--mirror or an active settings profile with repositories");
    }
    Map<String, String> usernames = pairs("--repository-username", raw.usernames(), byId);
    Map<String, String> passwords = pairs("--repository-password-file", raw.passwordFiles(), byId);
    Map<String, String> tokens = pairs("--repository-token-file", raw.tokenFiles(), byId);
    Map<String, String> headers = pairs("--repository-token-header", raw.tokenHeaders(), byId);
    List<Repository> repositories = new ArrayList<>();
    for (Repository repository : byId.values()) {
      String id = repository.id();
      String username = usernames.get(id);
      if (passwords.containsKey(id) && username == null) {
        throw new UsageException(
            "--repository-password-file " + id + " needs --repository-username " + id + "=USER");
      }
      if (tokens.containsKey(id) && username != null) {
        throw new UsageException(
            "repository " + id + " has both a user name and a token: give one of them");
      }
      String header = headers.get(id);
      if (header != null && !tokens.containsKey(id)) {
        throw new UsageException(
            "--repository-token-header " + id + " needs --repository-token-file " + id + "=FILE");
      }
      if (header != null && !HEADER.matcher(header).matches()) {
        throw new UsageException(
            "--repository-token-header " + id + ": '" + header + "' is not an HTTP header name");
      }
      Secret password =
          passwords.containsKey(id)
              ? secretFiles.read("--repository-password-file " + id, Path.of(passwords.get(id)))
              : null;
      Secret token =
          tokens.containsKey(id)
              ? secretFiles.read("--repository-token-file " + id, Path.of(tokens.get(id)))
              : null;
      Credentials credentials =
          new Credentials(
              username,
              password,
              token,
              header == null ? Credentials.DEFAULT_TOKEN_HEADER : header);
      // The command line's credentials win; settings.xml's servers fill in the rest by id.
      if (credentials.isNone()) {
        credentials = settings.servers().getOrDefault(id, Credentials.NONE);
      }
      repositories.add(repository.withCredentials(credentials));
    }
    return repositories;
  }

  private static Map<String, String> pairs(
      String option, List<String> values, Map<String, Repository> repositories)
      throws UsageException {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String text : values) {
      int eq = text.indexOf('=');
      if (eq <= 0 || eq == text.length() - 1) {
        throw new UsageException(option + " takes ID=VALUE, where ID names a repository");
      }
      String id = text.substring(0, eq).strip();
      if (!repositories.containsKey(id)) {
        throw new UsageException(
            option
                + " names repository '"
                + id
                + "', which is not in use (known: "
                + String.join(", ", repositories.keySet())
                + ")");
      }
      if (pairs.putIfAbsent(id, text.substring(eq + 1).strip()) != null) {
        throw new UsageException(option + " is given twice for repository " + id);
      }
    }
    return pairs;
  }

  private static void checkId(String option, String id) throws UsageException {
    if (!REPOSITORY_ID.matcher(id).matches()) {
      throw new UsageException(
          option + " id '" + id + "' must be letters, digits, '.', '_' or '-'");
    }
  }

  private static URI url(String option, String text) throws UsageException {
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw new UsageException(option + ": '" + Redact.url(text) + "' is not a URL", e);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
      throw new UsageException(
          option + ": '" + Redact.url(text) + "' is not an http, https or file URL");
    }
    if (url.getRawUserInfo() != null) {
      throw new UsageException(
          option
              + ": put no credentials in the URL; use --repository-username and "
              + "--repository-password-file");
    }
    if (!scheme.equals("file") && (url.getHost() == null || url.getHost().isEmpty())) {
      throw new UsageException(option + ": '" + text + "' has no host");
    }
    return url;
  }

  /**
   * Removes user info from URLs in messages (the redactor masks it too; this is belt and braces).
   */
  private static final class Redact {
    private Redact() {}

    static String url(String text) {
      return text.replaceAll("//[^/@\\s]*@", "//***@");
    }
  }

  private static javax.net.ssl.SSLContext trusting(CaBundle bundle) throws UsageException {
    try {
      return bundle.sslContext();
    } catch (java.security.GeneralSecurityException e) {
      throw new UsageException(
          "--ca-file " + bundle.file() + " cannot be used: " + e.getMessage(), e);
    }
  }
}
