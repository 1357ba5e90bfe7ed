package dev.initkit.dbwait;

import dev.initkit.common.failure.ExitCode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How the whole wait ended: one result per target, in the order given. */
public record WaitResult(List<TargetResult> targets) {
  public WaitResult {
    targets = List.copyOf(targets);
  }

  /** The worst of the targets' exit codes: 1 over 3 over 0. */
  public ExitCode exitCode() {
    ExitCode worst = ExitCode.OK;
    for (TargetResult target : targets) {
      worst = worst.worst(target.exitCode());
    }
    return worst;
  }

  /** The failures' messages, one per failed target, or null when all are ready. */
  public String failureMessage() {
    String joined =
        targets.stream()
            .filter(t -> !t.ready())
            .map(TargetResult::message)
            .collect(Collectors.joining("; "));
    return joined.isEmpty() ? null : joined;
  }

  public Map<String, Object> toReport() {
    return Map.of("targets", targets.stream().map(TargetResult::toReport).toList());
  }
}
