package dev.initkit.dbwait.probe;

import dev.initkit.common.failure.FailureClassifier;
import dev.initkit.common.retry.Deadline;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Ready when the port accepts a TCP connection, which is then closed at once. For services that are
 * not databases: against a database it proves little (the server may still refuse logins), and
 * against MySQL each such connection counts as an aborted connect.
 */
public final class TcpProbe implements Probe {
  private final TcpTarget target;
  private final Duration connectTimeout;

  public TcpProbe(TcpTarget target, Duration connectTimeout) {
    this.target = target;
    this.connectTimeout = connectTimeout;
  }

  @Override
  public Target target() {
    return target;
  }

  @Override
  public ProbeSuccess check(Deadline deadline) throws IOException {
    // Resolve on every attempt: a Service's name may appear while we wait.
    InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
    if (address.isUnresolved()) {
      throw new java.net.UnknownHostException(target.host());
    }
    try (Socket socket = new Socket()) {
      socket.connect(address, Timeouts.millis(connectTimeout, deadline));
    }
    return new ProbeSuccess(null);
  }

  @Override
  public FailureClassifier classifier() {
    return NetworkClassifier::classify;
  }

  @Override
  public boolean quickToRetry(Exception failure) {
    return Causes.nothingListening(failure);
  }
}
