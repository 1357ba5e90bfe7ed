package dev.initkit.common.publish;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A tool stand-in that {@link PublisherKillIT} runs as a child JVM and kills: it publishes a {@link
 * GenerationTree} to a destination, writing its files slowly, and reports each step on stdout so
 * the test can kill it at a chosen moment.
 *
 * <p>Arguments: destination, generation, file count, milliseconds per file, and {@code stall} to
 * hang between the two renames (so a SIGTERM lands exactly there), {@code exit} to call System.exit
 * halfway with the guard still open, or {@code run}.
 */
public final class SlowPublisher {
  private SlowPublisher() {}

  public static void main(String[] args) throws Exception {
    Path dest = Path.of(args[0]);
    String generation = args[1];
    int count = Integer.parseInt(args[2]);
    long millisPerFile = Long.parseLong(args[3]);
    boolean stall = args[4].equals("stall");
    Runnable betweenRenames =
        () -> {
          say("between-renames");
          while (stall) {
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
              // Plays a worker stuck at the worst moment: only the shutdown hook can help.
            }
          }
        };
    // "exit": play a launcher that calls System.exit while the guard is still open; the hook
    // must not wait for the exiting thread, so give it a grace far longer than the test's wait.
    boolean exitEarly = args[4].equals("exit");
    // A stalled swap shows what the hook does when its grace runs out; an ordinary run gets a
    // grace long enough for its own cleanup even on a loaded machine (the test checks that
    // cleanup, not how fast it is).
    Duration grace =
        exitEarly ? Duration.ofMinutes(5) : stall ? Duration.ofMillis(300) : Duration.ofSeconds(15);
    PublishOptions options = PublishOptions.directory().withType(DestinationType.ORDINARY_PATH);
    try (ShutdownGuard guard = ShutdownGuard.open(grace);
        StagingArea area = guard.protect(StagingArea.open(dest, options, betweenRenames))) {
      say("staging " + area.path().getFileName());
      for (int i = 0; i < count; i++) {
        GenerationTree.writeOne(area.path(), i, generation);
        say("wrote " + (i + 1));
        Thread.sleep(millisPerFile); // the slow work that SIGTERM interrupts
        if (exitEarly && i == count / 2) {
          exitWithGuardOpen();
        }
      }
      say("publishing");
      area.publish(generation);
      say("published");
    }
  }

  @SuppressWarnings("checkstyle:noSystemExit") // plays the launcher, the one caller of exit
  private static void exitWithGuardOpen() {
    say("exiting");
    System.exit(0);
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
