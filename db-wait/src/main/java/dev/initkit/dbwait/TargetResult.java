package dev.initkit.dbwait;

import dev.initkit.common.failure.ExitCode;
import dev.initkit.dbwait.probe.Target;
import dev.initkit.dbwait.sql.InitSqlResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the wait for one target ended.
 *
 * @param target what was waited for
 * @param exitCode OK when ready, else why not (FAILED or TIMEOUT)
 * @param attempts the attempts made
 * @param elapsed the time from the start of the wait to ready, or to giving up
 * @param serverVersion what the server said it is, or null
 * @param lastCause the last failed attempt's class and cause, or null when none failed
 * @param message why it failed (null when ready), as logged and for the termination message
 * @param initSql what {@code --init-sql} did, or null when it did not run
 */
public record TargetResult(
    Target target,
    ExitCode exitCode,
    int attempts,
    Duration elapsed,
    String serverVersion,
    String lastCause,
    String message,
    InitSqlResult initSql) {

  public boolean ready() {
    return exitCode == ExitCode.OK;
  }

  /** The status word of the report: ok, failed or timeout, as for the whole run. */
  public String status() {
    return switch (exitCode) {
      case OK -> "ok";
      case TIMEOUT -> "timeout";
      default -> "failed";
    };
  }

  /** This result as the report shows it. */
  public Map<String, Object> toReport() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("target", target.display());
    map.put("kind", target.kind().toLowerCase(Locale.ROOT));
    map.put("status", status());
    map.put("attempts", attempts);
    map.put("durationMs", elapsed.toMillis());
    if (serverVersion != null) {
      map.put("serverVersion", serverVersion);
    }
    if (lastCause != null) {
      map.put("lastCause", lastCause);
    }
    if (initSql != null) {
      Map<String, Object> scripts = new LinkedHashMap<>();
      scripts.put("applied", initSql.applied());
      scripts.put("skipped", initSql.skipped());
      map.put("initScripts", scripts);
    }
    return map;
  }
}
