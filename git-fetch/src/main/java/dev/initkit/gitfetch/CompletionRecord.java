package dev.initkit.gitfetch;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The completion text git-fetch records in a published checkout: {@code git-fetch commit <id> time
 * <instant>}. A re-run trusts a checkout only with this record.
 */
final class CompletionRecord {
  private static final Pattern FORMAT =
      Pattern.compile("git-fetch commit ([0-9a-f]{40}) time (\\S+)");

  private CompletionRecord() {}

  static String format(CheckedOutCommit commit) {
    return "git-fetch commit " + commit.commit() + " time " + commit.commitTime();
  }

  static Optional<CheckedOutCommit> parse(String text) {
    Matcher m = FORMAT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new CheckedOutCommit(m.group(1), Instant.parse(m.group(2))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
