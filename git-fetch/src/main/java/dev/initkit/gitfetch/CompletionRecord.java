package dev.initkit.gitfetch;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The completion text git-fetch records in a published checkout: {@code git-fetch commit <id> time
 * <instant>}, then {@code g+w} when it was made group-writable. A re-run trusts a checkout only
 * with this record, and only when it was made the way the options ask now.
 */
record CompletionRecord(CheckedOutCommit commit, boolean groupWritable) {
  private static final Pattern FORMAT =
      Pattern.compile("git-fetch commit ([0-9a-f]{40}) time (\\S+)( g\\+w)?");

  String format() {
    return "git-fetch commit "
        + commit.commit()
        + " time "
        + commit.commitTime()
        + (groupWritable ? " g+w" : "");
  }

  static Optional<CompletionRecord> parse(String text) {
    Matcher m = FORMAT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new CompletionRecord(
              new CheckedOutCommit(m.group(1), Instant.parse(m.group(2))), m.group(3) != null));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
