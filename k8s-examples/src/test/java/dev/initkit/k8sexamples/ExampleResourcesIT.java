package dev.initkit.k8sexamples;

import static dev.initkit.k8sexamples.CombinedExample.INIT_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures each tool's peak memory and CPU in the combined example, under the example's limits: GNU
 * time, mounted into each init container, runs the image's own entry point and reports the peak
 * resident set and the CPU time. Runs only when asked ({@code measure-resources.sh}, which sets
 * {@code initkit.measure.runs}); prints a table and writes it to {@code
 * target/example-resources.txt}. The README's requests and limits come from these figures.
 */
@EnabledIfSystemProperty(named = "initkit.measure.runs", matches = "[1-9][0-9]*")
class ExampleResourcesIT {
  private static final String MARK = "initkit-measure";
  private static final Pattern FIGURES =
      Pattern.compile(MARK + " (\\d+) ([\\d.]+) ([\\d.]+) ([\\d.]+)");

  /** One run of one tool: peak resident set (KiB), user + system CPU and wall time (seconds). */
  record Sample(long peakKib, double cpuSeconds, double wallSeconds) {}

  @TempDir Path work;

  @Test
  void measuresEachToolInTheCombinedExample() throws Exception {
    int runs = Integer.getInteger("initkit.measure.runs");
    assertThat(CombinedExample.loadImages()).as("images this build should have made").isEmpty();
    String timed = timedEntryPoints();

    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    INIT_ORDER.forEach(tool -> samples.put(tool, new ArrayList<>()));
    try (CombinedExample example = CombinedExample.start(work)) {
      for (int run = 0; run < runs; run++) {
        String prefix = "initkit-measure-" + ProcessHandle.current().pid() + "-" + run + "-";
        String pod = CombinedExample.pod(prefix);
        try (PodmanPlay play = example.play(prefix, timed)) {
          Map<String, String> app = play.awaitExit(pod + "-shop", Duration.ofMinutes(4));
          assertThat(app).as(play.playOutput()).containsEntry("exitCode", "0");
          for (String tool : INIT_ORDER) {
            String logs = play.logs(pod + "-" + tool);
            Matcher m = FIGURES.matcher(logs);
            assertThat(m.find()).as("%s printed its figures: %s", tool, logs).isTrue();
            samples
                .get(tool)
                .add(
                    new Sample(
                        Long.parseLong(m.group(1)),
                        Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(3)),
                        Double.parseDouble(m.group(4))));
          }
        }
      }
    }
    String table = table(samples);
    System.out.print(table);
    Files.writeString(Kustomize.moduleDir().resolve("target/example-resources.txt"), table);
  }

  /**
   * JSON patch operations that run each init container's image entry point under GNU time (the
   * host's, mounted read-only: it links only glibc, which the images have).
   */
  private static String timedEntryPoints() {
    StringBuilder ops = new StringBuilder();
    for (int i = 0; i < INIT_ORDER.size(); i++) {
      String image = "initkit/" + INIT_ORDER.get(i) + ":" + CombinedExample.VERSION;
      ProcessResult entrypoint =
          PodmanPlay.podman(
              Duration.ofMinutes(1),
              "image",
              "inspect",
              "--format",
              "{{json .Config.Entrypoint}}",
              image);
      assertThat(entrypoint.exitCode()).as(entrypoint.stderr()).isZero();
      String command =
          "[\"/gnu-time\", \"-f\", \""
              + MARK
              + " %M %U %S %e\", "
              + entrypoint.stdout().strip().substring(1);
      ops.append("- {op: add, path: /spec/initContainers/")
          .append(i)
          .append("/command, value: ")
          .append(command)
          .append("}\n")
          .append("- op: add\n  path: /spec/initContainers/")
          .append(i)
          .append("/volumeMounts/-\n")
          .append("  value: {name: gnu-time, mountPath: /gnu-time, readOnly: true}\n");
    }
    ops.append("- op: add\n  path: /spec/volumes/-\n")
        .append("  value: {name: gnu-time, hostPath: {path: /usr/bin/time, type: File}}\n");
    return ops.toString();
  }

  private static String table(Map<String, List<Sample>> samples) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-11s %4s %14s %14s %13s %14s%n",
            "tool",
            "runs",
            "peak RSS MiB",
            "(min-max)",
            "CPU s median",
            "cores (CPU/wall)"));
    samples.forEach(
        (tool, list) -> {
          double maxPeak = list.stream().mapToLong(Sample::peakKib).max().orElseThrow() / 1024.0;
          double minPeak = list.stream().mapToLong(Sample::peakKib).min().orElseThrow() / 1024.0;
          double cpu = median(list.stream().mapToDouble(Sample::cpuSeconds).toArray());
          double cores =
              median(list.stream().mapToDouble(s -> s.cpuSeconds() / s.wallSeconds()).toArray());
          out.append(
              String.format(
                  Locale.ROOT,
                  "%-11s %4d %14.1f %14s %13.2f %14.2f%n",
                  tool,
                  list.size(),
                  maxPeak,
                  String.format(Locale.ROOT, "%.1f-%.1f", minPeak, maxPeak),
                  cpu,
                  cores));
        });
    return out.toString();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
