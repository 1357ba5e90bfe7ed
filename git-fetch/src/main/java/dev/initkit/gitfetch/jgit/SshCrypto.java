package dev.initkit.gitfetch.jgit;

import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The crypto MINA sshd uses for ssh connections and SSH signatures: the JDK's providers, plus
 * net.i2p's EdDSA for Ed25519 keys. Not Bouncy Castle, though it is on the class path (for OpenPGP
 * signatures): sshd would register it for all of its crypto, and creating Bouncy Castle's JCA
 * provider took about a second of every run that used ssh (measured: an SSH signature check took
 * 1.9-2.7 s with it, 0.7-1.4 s without, on a loaded machine).
 */
public final class SshCrypto {
  private SshCrypto() {}

  /**
   * Call before each use of sshd (it settles its providers at its first use in the process); the
   * ssh sessions and the SSH signature check do.
   */
  public static void configure() {
    SecurityUtils.setAPrioriDisabledProvider(SecurityUtils.BOUNCY_CASTLE, true);
  }
}
