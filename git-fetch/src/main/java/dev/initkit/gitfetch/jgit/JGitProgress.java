package dev.initkit.gitfetch.jgit;

import dev.initkit.common.log.ProgressReporter;
import dev.initkit.gitfetch.ProgressSource;
import java.util.Locale;
import org.eclipse.jgit.lib.ProgressMonitor;

/**
 * JGit's progress (its tasks: "Receiving objects", "Resolving deltas", "Updating references",
 * checkout) reported through initkit's progress lines. Cancellation follows the thread's interrupt
 * flag and the source's shutdown flag (JGit may have cleared the interrupt), so SIGTERM stops a
 * long fetch between two updates.
 */
final class JGitProgress implements ProgressMonitor {
  private final ProgressSource source;
  private ProgressReporter current;

  JGitProgress(ProgressSource source) {
    this.source = source;
  }

  @Override
  public void start(int totalTasks) {
    // Tasks are reported one by one.
  }

  @Override
  public void beginTask(String title, int totalWork) {
    endTask();
    current =
        source.start(
            title.toLowerCase(Locale.ROOT), totalWork == UNKNOWN ? 0 : Math.max(0, totalWork));
  }

  @Override
  public void update(int completed) {
    if (current != null) {
      current.advance(completed);
    }
  }

  @Override
  public void endTask() {
    if (current != null) {
      current.finish();
      current = null;
    }
  }

  @Override
  public boolean isCancelled() {
    if (source.cancelled()) {
      // Raise the interrupt again (JGit may have swallowed it) so that the retrier, seeing the
      // failed attempt, stops instead of retrying.
      Thread.currentThread().interrupt();
      return true;
    }
    return Thread.currentThread().isInterrupted();
  }

  @Override
  public void showDuration(boolean enabled) {
    // initkit logs durations itself.
  }
}
