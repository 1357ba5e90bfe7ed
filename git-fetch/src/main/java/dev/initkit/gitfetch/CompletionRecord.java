package dev.initkit.gitfetch;

import dev.initkit.gitfetch.content.ContentSelection;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The completion text git-fetch records in a published checkout: {@code git-fetch commit <id> time
 * <instant>}, then {@code g+w} when it was made group-writable, then {@code content <digest>} when
 * it holds other than the default content (sparse paths, another submodule mode). A re-run trusts a
 * checkout only with this record, and only when it was made the way the options ask now.
 *
 * @param content the {@link ContentSelection#fingerprint()} of what was checked out
 */
record CompletionRecord(CheckedOutCommit commit, boolean groupWritable, String content) {
  private static final Pattern FORMAT =
      Pattern.compile(
          "git-fetch commit ([0-9a-f]{40}) time (\\S+)( g\\+w)?(?: content ([0-9a-f]+))?");
  private static final String DEFAULT_CONTENT = ContentSelection.DEFAULT.fingerprint();

  CompletionRecord(CheckedOutCommit commit, boolean groupWritable, ContentSelection content) {
    this(commit, groupWritable, content.fingerprint());
  }

  String format() {
    return "git-fetch commit "
        + commit.commit()
        + " time "
        + commit.commitTime()
        + (groupWritable ? " g+w" : "")
        + (content.equals(DEFAULT_CONTENT) ? "" : " content " + content);
  }

  /** Whether the checkout holds what {@code selection} asks for. */
  boolean holds(ContentSelection selection) {
    return content.equals(selection.fingerprint());
  }

  static Optional<CompletionRecord> parse(String text) {
    Matcher m = FORMAT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new CompletionRecord(
              new CheckedOutCommit(m.group(1), Instant.parse(m.group(2))),
              m.group(3) != null,
              m.group(4) != null ? m.group(4) : DEFAULT_CONTENT));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
