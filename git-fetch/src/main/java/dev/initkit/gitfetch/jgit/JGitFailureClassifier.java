package dev.initkit.gitfetch.jgit;

import dev.initkit.common.failure.Classification;
import dev.initkit.common.failure.FailureClassifier;
import dev.initkit.gitfetch.GitRemoteException;
import java.io.EOFException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;

/**
 * Tells JGit's failures apart: what trying again can cure (the server is down, restarting or
 * overloaded; the connection dropped) from what it cannot (no such repository, wrong credentials,
 * no such ref or commit). JGit reports most of them as a TransportException whose message carries
 * the HTTP status, so the status is read from the message.
 */
public final class JGitFailureClassifier implements FailureClassifier {
  /** JGit's HTTP errors read "<url>: 503 Service Unavailable". */
  private static final Pattern HTTP_5XX = Pattern.compile("https?://\\S*: (5\\d\\d)\\b");

  @Override
  public Classification classify(Exception failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof GitRemoteException remote) {
        return remote.classification();
      }
      // No repository at that URL. Some servers also say so for a wrong password (GitHub).
      if (t instanceof NoRemoteRepositoryException) {
        return Classification.permanentCause(
            "repository not found: check --repo (some servers answer so to bad credentials)");
      }
      if (t instanceof MissingObjectException) {
        return Classification.permanentCause(
            "the remote does not have the requested commit: check --ref");
      }
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      // The server's certificate chain leads to no trusted CA (or names another host).
      if (t instanceof SSLHandshakeException
          || message.contains("pkix path")
          || message.contains("certification path")
          || message.contains("ssl problems")) {
        return Classification.permanentCause(
            "the server's TLS certificate is not trusted: give its CA with --ca-file");
      }
      // SSH: the host key is unknown or changed; the message carries the key's fingerprint.
      if (message.contains("host key") || message.contains("server key")) {
        return Classification.permanentCause(
            "the ssh server's host key is not trusted (check --ssh-known-hosts-file): "
                + t.getMessage());
      }
      if (message.contains("authentication failed")
          || message.contains("no more authentication methods")
          || message.contains("cannot log in")
          || message.contains("auth fail")
          || message.contains("cannot load the ssh key")) {
        return Classification.permanentCause(
            "the ssh server refused the key: check --ssh-key-file (and its passphrase): "
                + t.getMessage());
      }
      // 401: the server wants credentials we do not have, or refused those we sent.
      if (message.contains("not authorized")
          || message.contains("authentication is required")
          || message.contains("authentication not supported")
          || message.contains(" 401")) {
        return Classification.permanentCause(
            "the server refused the credentials (HTTP 401): check --username and"
                + " --password-file, or --bearer-token-file");
      }
      // JGit words a 403 on the smart HTTP request as "git-upload-pack not permitted".
      if (message.contains(" 403")
          || message.contains("forbidden")
          || message.contains("not permitted")) {
        return Classification.permanentCause(
            "access denied (HTTP 403): the credentials lack read access to the repository");
      }
      if (message.contains(" 404") || message.contains("not found")) {
        return Classification.permanentCause("repository not found (HTTP 404): check --repo");
      }
      // A commit asked for by id that the server does not have, or will not serve by id.
      if (message.contains("not valid") || message.contains("not our ref")) {
        return Classification.permanentCause(
            "the remote does not have the requested commit, or does not serve commits by id"
                + " (uploadpack.allowReachableSHA1InWant): check --ref");
      }
      Matcher status = HTTP_5XX.matcher(message);
      // 5xx: the server or a proxy in front of it is failing or overloaded, usually for a while.
      if (status.find()) {
        return Classification.transientCause("server error (HTTP " + status.group(1) + ")");
      }
      // The connection ended in the middle of a response: a dropped connection or a restart.
      if (t instanceof EOFException
          || message.contains("premature eof")
          || message.contains("unexpected end of")
          || message.contains("short read")
          || message.contains("connection reset")) {
        return Classification.transientCause("connection dropped mid-transfer: " + t.getMessage());
      }
    }
    Classification network = FailureClassifier.NETWORK.classify(failure);
    if (network.isTransient()) {
      return network;
    }
    return Classification.permanentCause(String.valueOf(failure.getMessage()));
  }
}
