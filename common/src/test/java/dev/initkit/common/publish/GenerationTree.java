package dev.initkit.common.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A result whose completeness is easy to check: {@code count} files spread over a few
 * subdirectories, each holding the same generation text. A mix of generations or a missing file
 * shows a partial result.
 */
final class GenerationTree {
  static final int SUBDIRECTORIES = 4;

  private GenerationTree() {}

  static Path file(Path root, int index) {
    return root.resolve("d" + (index % SUBDIRECTORIES)).resolve("f" + index + ".txt");
  }

  static void writeOne(Path root, int index, String generation) throws IOException {
    Path file = file(root, index);
    Files.createDirectories(file.getParent());
    Files.writeString(file, generation + "\n", StandardCharsets.UTF_8);
  }

  static void write(Path root, int count, String generation) throws IOException {
    for (int i = 0; i < count; i++) {
      writeOne(root, i, generation);
    }
  }

  /** The generation the whole tree holds, or a description of why it is not one whole tree. */
  static String generationOf(Path root, int count) throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .forEach(p -> files.add(root.relativize(p).toString()));
    }
    if (files.size() != count) {
      return "partial: " + files.size() + " of " + count + " files";
    }
    String generation = null;
    for (int i = 0; i < count; i++) {
      Path file = file(root, i);
      if (!Files.isRegularFile(file)) {
        return "partial: missing " + root.relativize(file);
      }
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (generation == null) {
        generation = text;
      } else if (!generation.equals(text)) {
        return "mixed: " + generation + " and " + text;
      }
    }
    return generation;
  }
}
