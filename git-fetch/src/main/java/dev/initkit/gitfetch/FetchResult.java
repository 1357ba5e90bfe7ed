package dev.initkit.gitfetch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run produced, for the report and the last log line.
 *
 * @param action what was done
 * @param repo the repository URL, without user info
 * @param ref the ref as asked for
 * @param commit the commit now in place, with its trusted signature when one was required
 * @param path where the consumer finds it: the destination directory or the link
 * @param files regular files and symlinks in the checkout, {@code .git} not counted
 * @param bytes the size of those regular files
 * @param duration how long the run took
 */
public record FetchResult(
    Action action,
    RedactedUrl repo,
    GitRef ref,
    CheckedOutCommit commit,
    Path path,
    long files,
    long bytes,
    Duration duration) {

  /** What a run did. */
  public enum Action {
    /** Nothing was there: the commit was fetched and published. */
    CLONED("cloned"),
    /** Another commit was there: the new one was fetched and swapped in. */
    UPDATED("updated"),
    /** The requested commit was already in place and intact. */
    VERIFIED("verified"),
    /** The remote could not be reached; the previous checkout was kept (--allow-stale). */
    KEPT_STALE("kept-stale");

    private final String label;

    Action(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The report's {@code result} object. */
  public Map<String, Object> toReport() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("action", action.label());
    report.put("repo", repo.url());
    report.put("ref", ref.toString());
    report.put("commit", commit.commit());
    report.put("commitTime", commit.commitTime().toString());
    commit.signature().ifPresent(s -> report.put("signature", s.toReport()));
    report.put("path", path.toString());
    report.put("files", files);
    report.put("bytes", bytes);
    report.put("durationMillis", duration.toMillis());
    return report;
  }
}
