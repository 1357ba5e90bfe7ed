package dev.initkit.dbwait.probe;

import dev.initkit.common.failure.Classification;
import dev.initkit.common.failure.FailureClassifier;
import dev.initkit.common.retry.Deadline;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Ready when a GET answers with an expected status. Redirects are not followed, so a 3xx is an
 * answer like any other. 5xx, 408 and 429 are transient (a service starting or overloaded); other
 * unexpected statuses are permanent (a wrong path does not fix itself).
 */
public final class HttpProbe implements Probe {
  private final HttpTarget target;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private HttpClient client;

  public HttpProbe(HttpTarget target, Duration connectTimeout, Duration requestTimeout) {
    this.target = target;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
  }

  @Override
  public Target target() {
    return target;
  }

  @Override
  public ProbeSuccess check(Deadline deadline)
      throws IOException, InterruptedException, UnexpectedStatusException {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .connectTimeout(Timeouts.bounded(connectTimeout, deadline))
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }
    HttpRequest request =
        HttpRequest.newBuilder(target.uri())
            .timeout(Timeouts.bounded(requestTimeout, deadline))
            .header("User-Agent", "initkit-db-wait")
            .GET()
            .build();
    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
    if (!target.expected().contains(response.statusCode())) {
      throw new UnexpectedStatusException(response.statusCode(), target.expected());
    }
    return new ProbeSuccess(response.headers().firstValue("Server").orElse(null));
  }

  @Override
  public FailureClassifier classifier() {
    return HttpProbe::classify;
  }

  static Classification classify(Exception failure) {
    UnexpectedStatusException status = Causes.find(failure, UnexpectedStatusException.class);
    if (status == null) {
      Classification network = NetworkClassifier.classify(failure);
      if (network.isTransient() || Causes.find(failure, SSLException.class) != null) {
        return network;
      }
      // Timeouts and resets of the HTTP client are plain IOExceptions here: worth another try.
      IOException io = Causes.find(failure, IOException.class);
      return io != null ? Classification.transientCause("request failed: " + io) : network;
    }
    int code = status.status();
    if (code >= 500 || code == 408 || code == 429) {
      return Classification.transientCause(status.getMessage());
    }
    return Classification.permanentCause(
        status.getMessage() + ": check the URL and the expected statuses (--http-status)");
  }

  @Override
  public boolean quickToRetry(Exception failure) {
    return Causes.nothingListening(failure);
  }
}
