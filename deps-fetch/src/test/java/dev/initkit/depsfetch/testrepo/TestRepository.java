package dev.initkit.depsfetch.testrepo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Maven repository on disk, in the default layout, made of artifacts the tests describe: POMs
 * with parents, dependencies (scopes, optional, exclusions, classifiers, types), dependency
 * management, BOM imports and relocations; jars and zips with distinct content; checksums in MD5,
 * SHA-1, SHA-256 and SHA-512; and {@code maven-metadata.xml} listing each artifact's versions, for
 * version ranges. Serve it with {@link RepositoryServer}.
 */
public final class TestRepository {
  private static final Map<String, String> CHECKSUMS =
      Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256", "sha512", "SHA-512");

  private final Path root;

  public TestRepository(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** A jar artifact {@code G:A:V}; call {@link Artifact#publish()} when described. */
  public Artifact jar(String gav) {
    return new Artifact(this, gav, "jar");
  }

  /** A POM-only artifact {@code G:A:V} (a parent or a BOM). */
  public Artifact pom(String gav) {
    return new Artifact(this, gav, "pom");
  }

  /** The path of a file in the repository: {@code G:A:V} with an optional classifier and ext. */
  public static String path(String gav, String classifier, String extension) {
    String[] p = gav.split(":");
    return p[0].replace('.', '/')
        + "/"
        + p[1]
        + "/"
        + p[2]
        + "/"
        + p[1]
        + "-"
        + p[2]
        + (classifier.isEmpty() ? "" : "-" + classifier)
        + "."
        + extension;
  }

  /** The bytes of the jar (or other file) published for these coordinates. */
  public byte[] read(String gav, String classifier, String extension) {
    try {
      return Files.readAllBytes(root.resolve(path(gav, classifier, extension)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces a published file's content but not its checksums: a corrupt upload. */
  public void corrupt(String gav, String classifier, String extension) {
    write(path(gav, classifier, extension), "corrupt".getBytes(StandardCharsets.UTF_8), false);
  }

  /** Replaces a published file and its checksums: a re-release with other content. */
  public void republish(String gav, String extension, byte[] content) {
    write(path(gav, "", extension), content, true);
  }

  void write(String relative, byte[] content, boolean checksums) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      if (checksums) {
        for (Map.Entry<String, String> c : CHECKSUMS.entrySet()) {
          Files.writeString(
              file.resolveSibling(file.getFileName() + "." + c.getKey()),
              hex(c.getValue(), content),
              StandardCharsets.US_ASCII);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String hex(String algorithm, byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds {@code version} to the versions of {@code G:A} in its maven-metadata.xml. */
  void addVersion(String groupId, String artifactId, String version) {
    String dir = groupId.replace('.', '/') + "/" + artifactId;
    Path metadata = root.resolve(dir).resolve("maven-metadata.xml");
    TreeSet<String> versions = new TreeSet<>(TestRepository::compareVersions);
    try {
      if (Files.exists(metadata)) {
        for (String line : Files.readAllLines(metadata)) {
          String t = line.strip();
          if (t.startsWith("<version>")) {
            versions.add(t.substring(9, t.indexOf("</version>")));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    versions.add(version);
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata>\n");
    xml.append("  <groupId>").append(groupId).append("</groupId>\n");
    xml.append("  <artifactId>").append(artifactId).append("</artifactId>\n");
    xml.append("  <versioning>\n");
    xml.append("    <latest>").append(versions.last()).append("</latest>\n");
    xml.append("    <release>").append(versions.last()).append("</release>\n");
    xml.append("    <versions>\n");
    for (String v : versions) {
      xml.append("      <version>").append(v).append("</version>\n");
    }
    xml.append("    </versions>\n    <lastUpdated>20260101000000</lastUpdated>\n");
    xml.append("  </versioning>\n</metadata>\n");
    write(dir + "/maven-metadata.xml", xml.toString().getBytes(StandardCharsets.UTF_8), true);
  }

  private static int compareVersions(String a, String b) {
    String[] x = a.split("[.-]");
    String[] y = b.split("[.-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String p = i < x.length ? x[i] : "0";
      String q = i < y.length ? y[i] : "0";
      int c =
          p.matches("\\d+") && q.matches("\\d+")
              ? Long.compare(Long.parseLong(p), Long.parseLong(q))
              : p.compareTo(q);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** A zip whose entries are the given names, each holding its own name; deterministic. */
  public static byte[] zip(List<String> names) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : names) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(name.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** One artifact being described. */
  public static final class Artifact {
    private final TestRepository repository;
    private final String groupId;
    private final String artifactId;
    private final String version;
    private final String packaging;
    private String parent;
    private String relocation;
    private final List<String> dependencies = new ArrayList<>();
    private final List<String> managed = new ArrayList<>();
    private final List<String[]> extraFiles = new ArrayList<>();
    private final StringBuilder properties = new StringBuilder();
    private int size = 0;

    Artifact(TestRepository repository, String gav, String packaging) {
      String[] p = gav.split(":");
      if (p.length != 3) {
        throw new IllegalArgumentException("expected G:A:V: " + gav);
      }
      this.repository = repository;
      this.groupId = p[0];
      this.artifactId = p[1];
      this.version = p[2];
      this.packaging = packaging;
    }

    /** Inherits from the POM {@code G:A:V}. */
    public Artifact parent(String gav) {
      this.parent = gav;
      return this;
    }

    /** Publishes a relocation POM pointing at {@code G:A:V} instead of an artifact. */
    public Artifact relocatedTo(String gav) {
      this.relocation = gav;
      return this;
    }

    /** Pads the jar to about {@code bytes} bytes (incompressible), for downloads that take time. */
    public Artifact size(int bytes) {
      this.size = bytes;
      return this;
    }

    /** Sets a POM property, for versions given as {@code ${name}}. */
    public Artifact property(String name, String value) {
      properties.append("    <").append(name).append('>').append(value);
      properties.append("</").append(name).append(">\n");
      return this;
    }

    /**
     * Adds a dependency {@code G:A[:V]} with attributes {@code scope=S}, {@code optional}, {@code
     * exclude=G:A}, {@code classifier=C}, {@code type=T}.
     */
    public Artifact dependency(String coordinates, String... attributes) {
      dependencies.add(dependencyXml(coordinates, "", attributes));
      return this;
    }

    /** Manages {@code G:A:V} (dependencyManagement), with the same attributes as a dependency. */
    public Artifact managed(String coordinates, String... attributes) {
      managed.add(dependencyXml(coordinates, "  ", attributes));
      return this;
    }

    /** Imports the BOM {@code G:A:V} into dependencyManagement. */
    public Artifact importBom(String gav) {
      return managed(gav, "type=pom", "scope=import");
    }

    /** Publishes another file of this artifact, with a classifier and an extension. */
    public Artifact file(String classifier, String extension, byte[] content) {
      extraFiles.add(new String[] {classifier, extension, HexFormat.of().formatHex(content)});
      return this;
    }

    /** Writes the POM, the artifact's files, their checksums and the versions metadata. */
    public TestRepository publish() {
      String gav = groupId + ":" + artifactId + ":" + version;
      repository.write(path(gav, "", "pom"), pom().getBytes(StandardCharsets.UTF_8), true);
      if (packaging.equals("jar") && relocation == null) {
        repository.write(path(gav, "", "jar"), jarContent(gav), true);
      }
      for (String[] extra : extraFiles) {
        repository.write(path(gav, extra[0], extra[1]), HexFormat.of().parseHex(extra[2]), true);
      }
      repository.addVersion(groupId, artifactId, version);
      return repository;
    }

    private byte[] jarContent(String gav) {
      List<String> names = new ArrayList<>(List.of("META-INF/coordinates/" + gav));
      byte[] jar = zip(names);
      if (size <= jar.length) {
        return jar;
      }
      // Deterministic, incompressible padding after the zip: still a readable jar.
      byte[] padded = java.util.Arrays.copyOf(jar, size);
      long x = gav.hashCode();
      for (int i = jar.length; i < size; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
        padded[i] = (byte) (x >>> 56);
      }
      return padded;
    }

    private String pom() {
      StringBuilder xml = new StringBuilder();
      xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      xml.append("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n");
      xml.append("  <modelVersion>4.0.0</modelVersion>\n");
      if (parent != null) {
        String[] p = parent.split(":");
        xml.append("  <parent>\n");
        xml.append("    <groupId>").append(p[0]).append("</groupId>\n");
        xml.append("    <artifactId>").append(p[1]).append("</artifactId>\n");
        xml.append("    <version>").append(p[2]).append("</version>\n");
        xml.append("  </parent>\n");
      }
      xml.append("  <groupId>").append(groupId).append("</groupId>\n");
      xml.append("  <artifactId>").append(artifactId).append("</artifactId>\n");
      xml.append("  <version>").append(version).append("</version>\n");
      xml.append("  <packaging>").append(packaging).append("</packaging>\n");
      if (properties.length() > 0) {
        xml.append("  <properties>\n").append(properties).append("  </properties>\n");
      }
      if (relocation != null) {
        String[] r = relocation.split(":");
        xml.append("  <distributionManagement>\n    <relocation>\n");
        xml.append("      <groupId>").append(r[0]).append("</groupId>\n");
        xml.append("      <artifactId>").append(r[1]).append("</artifactId>\n");
        xml.append("      <version>").append(r[2]).append("</version>\n");
        xml.append("    </relocation>\n  </distributionManagement>\n");
      }
      if (!managed.isEmpty()) {
        xml.append("  <dependencyManagement>\n    <dependencies>\n");
        managed.forEach(xml::append);
        xml.append("    </dependencies>\n  </dependencyManagement>\n");
      }
      if (!dependencies.isEmpty()) {
        xml.append("  <dependencies>\n");
        dependencies.forEach(xml::append);
        xml.append("  </dependencies>\n");
      }
      xml.append("</project>\n");
      return xml.toString();
    }

    private static String dependencyXml(String coordinates, String indent, String... attributes) {
      String[] c = coordinates.split(":");
      String in = indent + "    ";
      StringBuilder xml = new StringBuilder();
      xml.append(in).append("<dependency>\n");
      xml.append(in).append("  <groupId>").append(c[0]).append("</groupId>\n");
      xml.append(in).append("  <artifactId>").append(c[1]).append("</artifactId>\n");
      if (c.length > 2) {
        xml.append(in).append("  <version>").append(c[2]).append("</version>\n");
      }
      List<String> exclusions = new ArrayList<>();
      for (String attribute : attributes) {
        String[] kv = attribute.split("=", 2);
        switch (kv[0]) {
          case "scope", "classifier", "type" ->
              xml.append(in)
                  .append("  <")
                  .append(kv[0])
                  .append('>')
                  .append(kv[1])
                  .append("</")
                  .append(kv[0])
                  .append(">\n");
          case "optional" -> xml.append(in).append("  <optional>true</optional>\n");
          case "exclude" -> exclusions.add(kv[1]);
          default -> throw new IllegalArgumentException("unknown attribute " + attribute);
        }
      }
      if (!exclusions.isEmpty()) {
        xml.append(in).append("  <exclusions>\n");
        for (String exclusion : exclusions) {
          String[] e = exclusion.split(":");
          xml.append(in).append("    <exclusion>\n");
          xml.append(in).append("      <groupId>").append(e[0]).append("</groupId>\n");
          xml.append(in).append("      <artifactId>").append(e[1]).append("</artifactId>\n");
          xml.append(in).append("    </exclusion>\n");
        }
        xml.append(in).append("  </exclusions>\n");
      }
      xml.append(in).append("</dependency>\n");
      return xml.toString();
    }
  }
}
