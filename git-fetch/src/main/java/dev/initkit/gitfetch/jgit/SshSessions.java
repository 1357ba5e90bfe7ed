package dev.initkit.gitfetch.jgit;

import dev.initkit.common.failure.UsageException;
import dev.initkit.gitfetch.SecretSource;
import dev.initkit.gitfetch.SshSettings;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.eclipse.jgit.internal.transport.sshd.OpenSshServerKeyDatabase;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * JGit's SSH client (Apache MINA sshd) set up from git-fetch's options only: the key file given,
 * the known_hosts file given, no ~/.ssh/config, no agent, no default identities. An unknown or
 * changed host key fails the connection (there is no one to ask).
 */
final class SshSessions implements AutoCloseable {
  private final SshdSessionFactory factory;
  private final AtomicReference<String> rejectedKey;

  private SshSessions(SshdSessionFactory factory, AtomicReference<String> rejectedKey) {
    this.factory = factory;
    this.rejectedKey = rejectedKey;
  }

  SshdSessionFactory factory() {
    return factory;
  }

  /** The fingerprint of a host key the server presented and the known hosts did not hold. */
  Optional<String> rejectedKey() {
    return Optional.ofNullable(rejectedKey.get());
  }

  @Override
  public void close() {
    factory.close();
  }

  static SshSessions create(SshSettings settings) throws UsageException {
    // Here, not at start-up: a run without ssh loads none of sshd's classes.
    SshCrypto.configure();
    char[] passphrase = passphrase(settings.passphrase().orElse(null));
    // A home that is never read: every file JGit would look for there is configured below.
    File home = new File(File.separator + "nonexistent-git-fetch-home");
    SshdSessionFactoryBuilder builder =
        new SshdSessionFactoryBuilder()
            .setHomeDirectory(home)
            .setSshDirectory(new File(home, ".ssh"))
            .setConfigStoreFactory((h, configFile, localUser) -> null)
            .setPreferredAuthentications("publickey")
            .setDefaultIdentities(dir -> settings.keyFile().map(List::of).orElse(List.of()))
            .setDefaultKnownHostsFiles(
                dir -> settings.knownHosts().map(List::of).orElse(List.<Path>of()))
            .setKeyPasswordProvider(provider -> new FixedPassphrase(passphrase));
    AtomicReference<String> rejected = new AtomicReference<>();
    if (settings.ignoreHostKey()) {
      builder.setServerKeyDatabase((h, dir) -> new AnyHostKey());
    } else {
      ServerKeyDatabase knownHosts =
          new OpenSshServerKeyDatabase(
              false, settings.knownHosts().map(List::of).orElse(List.of()));
      builder.setServerKeyDatabase((h, dir) -> new NoteRejectedKey(knownHosts, rejected));
    }
    return new SshSessions(builder.build(null), rejected);
  }

  /** The known hosts decide; a key they reject is noted, so the error can show its fingerprint. */
  private static final class NoteRejectedKey implements ServerKeyDatabase {
    private final ServerKeyDatabase delegate;
    private final AtomicReference<String> rejected;

    NoteRejectedKey(ServerKeyDatabase delegate, AtomicReference<String> rejected) {
      this.delegate = delegate;
      this.rejected = rejected;
    }

    @Override
    public List<PublicKey> lookup(
        String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
      return delegate.lookup(connectAddress, remoteAddress, config);
    }

    @Override
    public boolean accept(
        String connectAddress,
        InetSocketAddress remoteAddress,
        PublicKey serverKey,
        Configuration config,
        CredentialsProvider provider) {
      boolean accepted =
          delegate.accept(connectAddress, remoteAddress, serverKey, config, provider);
      if (!accepted) {
        rejected.set(
            KeyUtils.getKeyType(serverKey)
                + " "
                + KeyUtils.getFingerPrint(serverKey)
                + " for "
                + connectAddress);
      }
      return accepted;
    }
  }

  private static char[] passphrase(SecretSource source) throws UsageException {
    return source == null ? null : source.read().reveal().toCharArray();
  }

  /** The passphrase from the file, tried once: a wrong one fails the run (permanent). */
  private static final class FixedPassphrase implements KeyPasswordProvider {
    private final char[] passphrase;
    private int attempts = 1;

    FixedPassphrase(char[] passphrase) {
      this.passphrase = passphrase;
    }

    @Override
    public char[] getPassphrase(URIish uri, int attempt) {
      return passphrase == null ? null : Arrays.copyOf(passphrase, passphrase.length);
    }

    @Override
    public void setAttempts(int maxNumberOfAttempts) {
      attempts = Math.max(1, Math.min(1, maxNumberOfAttempts));
    }

    @Override
    public int getAttempts() {
      return attempts;
    }

    @Override
    public boolean keyLoaded(URIish uri, int attempt, Exception error) throws IOException {
      if (error != null) {
        throw new IOException(
            "cannot load the ssh key (wrong passphrase, or an unsupported format): " + error,
            error);
      }
      return false;
    }
  }

  /** --ssh-insecure-ignore-host-key: any host key is accepted, none is remembered. */
  private static final class AnyHostKey implements ServerKeyDatabase {
    @Override
    public List<PublicKey> lookup(
        String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
      return List.of();
    }

    @Override
    public boolean accept(
        String connectAddress,
        InetSocketAddress remoteAddress,
        PublicKey serverKey,
        Configuration config,
        CredentialsProvider provider) {
      return true;
    }
  }
}
