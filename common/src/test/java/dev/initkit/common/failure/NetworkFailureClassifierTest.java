package dev.initkit.common.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class NetworkFailureClassifierTest {
  @Test
  void refusedConnectionDeepInTheCauseChainIsTransient() {
    Exception failure = new IOException("fetch failed", new ConnectException("Connection refused"));

    assertThat(FailureClassifier.NETWORK.classify(failure))
        .isEqualTo(Classification.transientCause("connection refused: Connection refused"));
  }

  @Test
  void causesWithoutAMessageReadCleanly() {
    assertThat(FailureClassifier.NETWORK.classify(new ConnectException()).reason())
        .isEqualTo("connection refused");
    assertThat(FailureClassifier.NETWORK.classify(new SocketException()).reason())
        .isEqualTo("connection dropped");
  }

  @Test
  void unresolvedNamesAndTimeoutsAreTransient() {
    assertThat(FailureClassifier.NETWORK.classify(new UnknownHostException("db")).isTransient())
        .isTrue();
    assertThat(FailureClassifier.NETWORK.classify(new SocketTimeoutException()).isTransient())
        .isTrue();
  }

  @Test
  void anythingElseIsPermanent() {
    assertThat(FailureClassifier.NETWORK.classify(new IOException("403 Forbidden")))
        .isEqualTo(Classification.permanentCause("403 Forbidden"));
  }
}
