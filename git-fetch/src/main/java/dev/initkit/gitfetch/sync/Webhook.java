package dev.initkit.gitfetch.sync;

import dev.initkit.common.failure.Classification;
import dev.initkit.common.failure.FailureClassifier;
import dev.initkit.common.failure.InitkitException;
import dev.initkit.common.log.Log;
import dev.initkit.common.retry.AttemptLog;
import dev.initkit.common.retry.Deadline;
import dev.initkit.common.retry.Retrier;
import dev.initkit.common.retry.RetryPolicy;
import dev.initkit.common.retry.Ticker;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Calls {@code --webhook-url} with the published commit, on a thread of its own so that a slow or
 * failing receiver never delays a sync. A failed call is retried with backoff (full jitter, up to
 * {@code --retry-max-interval}) until it succeeds or a newer commit takes its place; failures are
 * logged, never fatal.
 */
public final class Webhook implements AutoCloseable {
  private final WebhookTarget target;
  private final Retrier retrier;
  private final Log log;
  private final HttpClient client;
  private final ExecutorService executor;
  private final AtomicReference<String> latest = new AtomicReference<>();

  /**
   * @param backoff the waits between attempts; its timeout is ignored: a call is retried until a
   *     newer commit replaces it
   */
  public Webhook(WebhookTarget target, RetryPolicy backoff, Log log) {
    this.target = target;
    this.log = log;
    // Every failure is worth another try: the receiver may be starting, or deploying itself.
    this.retrier =
        Retrier.create(
                RetryPolicy.of(Duration.ZERO, backoff.retryInitial(), backoff.retryMaxInterval()),
                failure ->
                    Classification.transientCause(
                        "webhook: " + FailureClassifier.NETWORK.classify(failure).reason()))
            .withListener(new AttemptLog(log, AttemptLog.DEFAULT_INTERVAL));
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(target.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.executor =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "git-fetch-webhook");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Schedules a call for {@code commit}; a call still being retried for an older one stops. */
  public void publish(String commit) {
    latest.set(commit);
    executor.execute(() -> deliver(commit));
  }

  private void deliver(String commit) {
    if (!commit.equals(latest.get())) {
      return;
    }
    try {
      boolean sent =
          retrier.run(
              Deadline.none(Ticker.SYSTEM),
              number -> {
                if (!commit.equals(latest.get())) {
                  return false;
                }
                call(commit);
                return true;
              });
      if (sent) {
        log.debug("called the webhook", "commit", commit, "url", target.url());
      }
    } catch (InitkitException e) {
      log.warn("gave up calling the webhook for " + commit, "cause", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void call(String commit) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(target.url())
            .timeout(target.timeout())
            .header(WebhookTarget.COMMIT_HEADER, commit)
            .method(target.method(), HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new IOException("answered HTTP " + status);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
