package dev.initkit.common.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real publishing process ({@link SlowPublisher}) with SIGTERM and SIGKILL at several
 * moments, and checks each time that the destination holds a whole result: the previous one or the
 * new one, never a mix or a part. Then a run to completion leaves no leftovers.
 */
class PublisherKillIT {
  private static final int FILES = 200;
  private static final long MILLIS_PER_FILE = 2;
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

  /** Lines of {@link SlowPublisher} to kill at: from staging's creation to inside the swap. */
  private static final List<String> MOMENTS =
      List.of("staging", "wrote 100", "wrote 200", "publishing", "between-renames");

  @TempDir Path volume;

  private Path dest() {
    return volume.resolve("out");
  }

  private enum Signal {
    TERM,
    KILL
  }

  @Test
  void killedRunsLeaveTheWholePreviousResultOrTheWholeNewOne() throws Exception {
    String current = publishInProcess("gen-0");
    int run = 0;
    for (Signal signal : Signal.values()) {
      for (String moment : MOMENTS) {
        String generation = "gen-" + ++run;
        killAt(moment, signal, generation, "run");

        String found = wholeResult();
        assertThat(found).as("after %s at '%s'", signal, moment).isIn(current, generation);
        current = found;
        if (signal == Signal.TERM) {
          assertThat(leftovers()).as("SIGTERM at '%s' cleans up", moment).isEmpty();
        }
      }
    }

    String last = runToCompletion("gen-last");

    assertThat(last).isEqualTo("gen-last");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void sigtermBetweenTheRenamesPutsThePreviousResultBack() throws Exception {
    publishInProcess("gen-0");

    killAt("between-renames", Signal.TERM, "gen-1", "stall");

    assertThat(GenerationTree.generationOf(dest(), FILES)).isEqualTo("gen-0");
    runToCompletion("gen-2");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void sigkillBetweenTheRenamesIsRepairedByTheNextRun() throws Exception {
    publishInProcess("gen-0");

    killAt("between-renames", Signal.KILL, "gen-1", "stall");

    // Nothing at the destination, which is allowed; the previous result waits aside, whole.
    assertThat(dest()).doesNotExist();
    List<Path> aside = leftovers().stream().filter(p -> p.toString().contains("-old-")).toList();
    assertThat(aside).hasSize(1);
    assertThat(GenerationTree.generationOf(aside.get(0), FILES)).isEqualTo("gen-0");

    StagingArea.open(dest(), PublishOptions.directory().withType(DestinationType.ORDINARY_PATH))
        .close();

    assertThat(GenerationTree.generationOf(dest(), FILES)).isEqualTo("gen-0");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void exitWithTheGuardStillOpenDoesNotWaitForItselfAndCleansUp() throws Exception {
    publishInProcess("gen-0");
    Process process = start("gen-1", "exit");

    // The child's grace is minutes: ending within the step timeout shows it did not wait for
    // itself.
    assertThat(process.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(GenerationTree.generationOf(dest(), FILES)).isEqualTo("gen-0");
    assertThat(leftovers()).isEmpty();
  }

  /**
   * The generation at the destination, or, when a SIGKILL came between the two renames and the
   * destination is absent, the generation of the previous result waiting aside (the next run puts
   * it back).
   */
  private String wholeResult() throws IOException {
    if (Files.exists(dest())) {
      return GenerationTree.generationOf(dest(), FILES);
    }
    List<Path> aside = leftovers().stream().filter(p -> p.toString().contains("-old-")).toList();
    assertThat(aside).as("destination absent, previous result aside").hasSize(1);
    return GenerationTree.generationOf(aside.get(0), FILES);
  }

  /** A first complete result, published in this JVM because it is quicker than a child. */
  private String publishInProcess(String generation) throws Exception {
    try (StagingArea area =
        StagingArea.open(
            dest(), PublishOptions.directory().withType(DestinationType.ORDINARY_PATH))) {
      GenerationTree.write(area.path(), FILES, generation);
      area.publish(generation);
    }
    return generation;
  }

  private String runToCompletion(String generation) throws Exception {
    Process process = start(generation, "run");
    assertThat(process.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    String found = GenerationTree.generationOf(dest(), FILES);
    assertThat(found).isEqualTo(generation);
    assertThat(PublishedResult.completionText(dest())).contains(generation);
    return found;
  }

  private void killAt(String moment, Signal signal, String generation, String mode)
      throws Exception {
    Process process = start(generation, mode);
    BlockingQueue<String> lines = readLines(process);
    Instant deadline = Instant.now().plus(STEP_TIMEOUT);
    while (true) {
      String line =
          lines.poll(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
      assertThat(line).as("child reports '%s' in time", moment).isNotNull();
      if (line.equals(moment) || line.startsWith(moment + " ")) {
        break;
      }
    }
    if (signal == Signal.TERM) {
      process.destroy();
    } else {
      process.destroyForcibly();
    }
    assertThat(process.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  private Process start(String generation, String mode) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            // Quick start-up; the child does little work.
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            SlowPublisher.class.getName(),
            dest().toString(),
            generation,
            String.valueOf(FILES),
            String.valueOf(MILLIS_PER_FILE),
            mode)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static BlockingQueue<String> readLines(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException ignored) {
                // The child was killed; the lines read so far are all there is.
              }
            },
            "child-stdout");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  /** Staging and old paths of the destination left in the volume. */
  private List<Path> leftovers() throws IOException {
    try (Stream<Path> entries = Files.list(volume)) {
      return entries
          .filter(p -> p.getFileName().toString().matches("\\.out\\.initkit-(staging|old)-.*"))
          .toList();
    }
  }
}
