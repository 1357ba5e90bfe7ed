package dev.initkit.gitfetch.content;

import java.util.List;
import java.util.TreeSet;

/**
 * The paths of a sparse checkout, relative to the repository's top, in git's spelling ({@code
 * docs}, {@code src/main}): a file, or a directory with everything under it. Empty means the whole
 * tree.
 */
public record SparsePaths(List<String> paths) {
  public static final SparsePaths ALL = new SparsePaths(List.of());

  public SparsePaths {
    paths = List.copyOf(paths);
  }

  /**
   * Normalizes what the user wrote: a leading {@code /} or {@code ./} and trailing {@code /} are
   * dropped, duplicates removed, the list sorted.
   *
   * @throws IllegalArgumentException naming the bad path: empty, {@code .} or {@code ..} segments
   */
  public static SparsePaths parse(List<String> written) {
    TreeSet<String> paths = new TreeSet<>();
    for (String raw : written) {
      String path = raw.strip();
      while (path.startsWith("/") || path.startsWith("./")) {
        path = path.substring(path.startsWith("/") ? 1 : 2);
      }
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      if (path.isEmpty()) {
        throw new IllegalArgumentException(
            "'" + raw + "' names no path: give a file or directory in the repository");
      }
      for (String segment : path.split("/", -1)) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
          throw new IllegalArgumentException(
              "'" + raw + "' is not a path inside the repository (no '.', '..' or '//')");
        }
      }
      paths.add(path);
    }
    return new SparsePaths(List.copyOf(paths));
  }

  /** Whether the whole tree is checked out. */
  public boolean isAll() {
    return paths.isEmpty();
  }
}
