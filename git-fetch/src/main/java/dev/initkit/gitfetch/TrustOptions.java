package dev.initkit.gitfetch;

import dev.initkit.common.cli.Secret;
import dev.initkit.common.cli.ToolContext;
import dev.initkit.common.failure.UsageException;
import dev.initkit.common.log.Redactor;
import dev.initkit.gitfetch.jgit.signing.OpenPgpKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that decide whom git-fetch trusts and how it proves who it is: which signatures a
 * commit must carry, and credentials from a cookie file or a {@code .netrc}. Validated here, before
 * anything is written.
 */
public final class TrustOptions {
  @Option(
      order = 350,
      names = "--require-signature",
      description =
          "Fail (exit 1, nothing published) unless the commit, or the annotated tag --ref names,"
              + " is signed by a key of --trusted-keys or --allowed-signers.")
  boolean requireSignature;

  @Option(
      order = 360,
      names = "--trusted-keys",
      paramLabel = "FILE",
      description =
          "OpenPGP public keys trusted to sign (as gpg --export --armor writes them); only these.")
  Path trustedKeys;

  @Option(
      order = 370,
      names = "--allowed-signers",
      paramLabel = "FILE",
      description =
          "SSH keys trusted to sign, in git's gpg.ssh.allowedSignersFile format; only these.")
  Path allowedSigners;

  @Option(
      order = 380,
      names = "--cookie-file",
      paramLabel = "FILE",
      description =
          "Send the cookies of FILE (Netscape format, as git's http.cookieFile) that match the"
              + " repository URL; read again on each attempt, never written.")
  Path cookieFile;

  @Option(
      order = 390,
      names = "--netrc-file",
      paramLabel = "FILE",
      description =
          "Take the user and password for the repository's host from FILE (.netrc format) when"
              + " no other credentials are given; $HOME/.netrc is not read.")
  Path netrcFile;

  /**
   * {@code explicit} (from --username, --password…, the URL), completed from --netrc-file when they
   * name no password or token, and with the cookies of --cookie-file. Both files are read now (a
   * bad one is exit 2) and again on each attempt; every value read is registered as a secret.
   */
  GitCredentials credentials(ToolContext context, RedactedUrl url, GitCredentials explicit)
      throws UsageException {
    if ((cookieFile != null || netrcFile != null)
        && url.scheme() != RedactedUrl.Scheme.HTTP
        && url.scheme() != RedactedUrl.Scheme.HTTPS) {
      throw new UsageException(
          "--cookie-file and --netrc-file are for http(s) repositories, not " + url);
    }
    Redactor redactor = context.log().redactor();
    GitCredentials credentials = explicit;
    if (netrcFile != null) {
      credentials = fromNetrc(context, url, credentials, redactor);
    }
    if (cookieFile != null) {
      Path file = cookieFile;
      Clock clock = context.log().clock();
      CookieFile.read(file).values().forEach(redactor::register);
      credentials =
          credentials.withCookies(
              target -> {
                CookieFile cookies = CookieFile.read(file);
                cookies.values().forEach(redactor::register);
                return cookies.header(target, clock.instant());
              });
    }
    return credentials;
  }

  private GitCredentials fromNetrc(
      ToolContext context, RedactedUrl url, GitCredentials explicit, Redactor redactor)
      throws UsageException {
    String host = URI.create(url.url()).getHost();
    Optional<NetrcFile.Entry> entry = NetrcFile.read(netrcFile).forHost(host);
    entry.flatMap(NetrcFile.Entry::password).ifPresent(redactor::register);
    if (explicit.password().isPresent() || explicit.bearer().isPresent()) {
      return explicit;
    }
    if (entry.isEmpty() || entry.get().password().isEmpty()) {
      context.log().warn("--netrc-file has no password for " + host + "; fetching without one");
      return explicit;
    }
    Optional<String> login = entry.get().login();
    if (explicit.username().isPresent() && !explicit.username().equals(login)) {
      // The password belongs to another user; sending it would be wrong.
      context
          .log()
          .warn(
              "--netrc-file has a password for another user on "
                  + host
                  + " than --username; fetching without one");
      return explicit;
    }
    Path file = netrcFile;
    SecretSource password =
        () -> {
          Optional<String> value =
              NetrcFile.read(file).forHost(host).flatMap(NetrcFile.Entry::password);
          value.ifPresent(redactor::register);
          return new Secret(
              value.orElseThrow(
                  () -> new UsageException("--netrc-file no longer has a password for " + host)));
        };
    return new GitCredentials(
        explicit.username().or(() -> login).or(() -> Optional.of("")),
        Optional.of(password),
        Optional.empty(),
        explicit.cookies());
  }

  /** Which signatures the run requires; the trust files are read now, so a bad one is exit 2. */
  SignaturePolicy signaturePolicy() throws UsageException {
    if (!requireSignature) {
      if (trustedKeys != null || allowedSigners != null) {
        throw new UsageException(
            "--trusted-keys and --allowed-signers take effect with --require-signature: add it");
      }
      return SignaturePolicy.NONE;
    }
    if (trustedKeys == null && allowedSigners == null) {
      throw new UsageException(
          "--require-signature needs the keys to trust: --trusted-keys FILE (OpenPGP) and/or"
              + " --allowed-signers FILE (SSH)");
    }
    if (trustedKeys != null) {
      try {
        OpenPgpKeys.read(trustedKeys);
      } catch (IOException e) {
        throw new UsageException("--trusted-keys: " + e.getMessage(), e);
      }
    }
    if (allowedSigners != null) {
      AllowedSignersFile.check(allowedSigners);
    }
    return new SignaturePolicy(
        true, Optional.ofNullable(trustedKeys), Optional.ofNullable(allowedSigners));
  }
}
