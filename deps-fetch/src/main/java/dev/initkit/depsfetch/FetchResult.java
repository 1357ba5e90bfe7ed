package dev.initkit.depsfetch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run put in place.
 *
 * @param dest the output directory
 * @param layout its layout
 * @param artifacts the artifacts, in classpath order
 * @param downloadedBytes bytes downloaded by this run (0 when the result was already in place)
 * @param alreadyInPlace whether the run found the result in place and only verified it
 */
public record FetchResult(
    Path dest,
    Layout layout,
    List<PlacedArtifact> artifacts,
    long downloadedBytes,
    boolean alreadyInPlace) {

  public FetchResult {
    artifacts = List.copyOf(artifacts);
  }

  public long totalBytes() {
    return artifacts.stream().mapToLong(PlacedArtifact::size).sum();
  }

  /** The {@code result} object of the JSON report. */
  public Map<String, Object> toReport() {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("dest", dest.toString());
    result.put("layout", layout.name().toLowerCase(java.util.Locale.ROOT));
    result.put("count", artifacts.size());
    result.put("bytes", totalBytes());
    result.put("downloadedBytes", downloadedBytes);
    result.put("alreadyInPlace", alreadyInPlace);
    result.put("artifacts", artifacts.stream().map(PlacedArtifact::toReport).toList());
    return result;
  }
}
