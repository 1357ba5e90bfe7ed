package dev.initkit.envrender;

import dev.initkit.common.failure.UsageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every problem with the input found in one run, so the user sees all of them at once (missing
 * variables, malformed values, duplicates, undefined template references) before anything is
 * written.
 */
public final class Problems {
  private final List<String> messages = new ArrayList<>();

  public void add(String message) {
    messages.add(message);
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  public List<String> messages() {
    return List.copyOf(messages);
  }

  /** Throws one exception (exit 2) that lists every problem, when there is any. */
  public void throwIfAny() throws UsageException {
    if (messages.isEmpty()) {
      return;
    }
    String summary =
        messages.size() == 1
            ? messages.get(0)
            : messages.size() + " problems: " + String.join("; ", messages);
    throw new UsageException(summary + "; nothing written");
  }
}
