package dev.initkit.gitfetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The interim publisher (until common's {@code publish} lands): stages beside the destination as
 * {@code .<name>.initkit-staging-<random>}, flushes, moves the previous result aside to {@code
 * .<name>.initkit-old-<random>}, renames the staging directory in, and deletes the old one. The
 * completion text goes into {@value #MARKER} inside the result, as common's publisher does, so the
 * two read each other's results.
 *
 * <p>A lock file {@code .<name>.initkit-lock} beside the destination keeps two runs on one volume
 * apart. Under the lock, leftovers of killed runs are removed; a previous result that a kill left
 * moved aside (the destination missing) is put back first.
 *
 * <p>Not handled here (common's publisher does): a destination that is itself a mount point.
 */
public final class SiblingRenamePublisher implements ResultPublisher {
  /** The file inside a published result that records what it holds; written last. */
  public static final String MARKER = ".initkit-complete";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public Staging stage(Path dest) throws IOException {
    Path absolute = dest.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    String name = absolute.getFileName().toString();
    FileChannel channel =
        FileChannel.open(
            parent.resolve("." + name + ".initkit-lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.lock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    try {
      removeLeftovers(absolute, name);
      Path staging = parent.resolve("." + name + ".initkit-staging-" + random());
      Files.createDirectory(staging);
      return new SiblingStaging(absolute, staging, channel, lock);
    } catch (IOException | RuntimeException e) {
      lock.release();
      channel.close();
      throw e;
    }
  }

  @Override
  public Optional<String> completionText(Path dest) throws IOException {
    Path marker = dest.resolve(MARKER);
    if (!Files.isRegularFile(marker)) {
      return Optional.empty();
    }
    String text = Files.readString(marker, StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static void removeLeftovers(Path dest, String name) throws IOException {
    Path parent = dest.getParent();
    String stagingPrefix = "." + name + ".initkit-staging-";
    String oldPrefix = "." + name + ".initkit-old-";
    List<Path> leftovers = new ArrayList<>();
    try (Stream<Path> entries = Files.list(parent)) {
      entries
          .filter(
              p -> {
                String n = p.getFileName().toString();
                return n.startsWith(stagingPrefix) || n.startsWith(oldPrefix);
              })
          .forEach(leftovers::add);
    }
    if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
      for (Path entry : leftovers) {
        // An old result was renamed whole from the destination: it is complete. Put it back.
        if (entry.getFileName().toString().startsWith(oldPrefix)) {
          Files.move(entry, dest, StandardCopyOption.ATOMIC_MOVE);
          leftovers.remove(entry);
          break;
        }
      }
    }
    for (Path entry : leftovers) {
      deleteTree(entry);
    }
  }

  static String random() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Deletes a tree without following symlinks; a missing path is fine. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            // A read-only directory (git's object folders can be) must be writable to empty it.
            dir.toFile().setWritable(true, true);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * Forces a file's or directory's content and metadata to disk. Read-only: fsync needs no write
   * access, and JGit's pack files are read-only (a non-root user cannot open them for writing).
   */
  static void fsync(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** Flushes every regular file and directory of a tree, bottom up. */
  static void fsyncTree(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isRegularFile()) {
              fsync(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            fsync(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static final class SiblingStaging implements Staging {
    private final Path dest;
    private final Path staging;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean published;
    private boolean closed;

    SiblingStaging(Path dest, Path staging, FileChannel channel, FileLock lock) {
      this.dest = dest;
      this.staging = staging;
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public Path path() {
      return staging;
    }

    @Override
    public void publish(String completionText) throws IOException {
      if (closed || published) {
        throw new IllegalStateException("staging for " + dest + " is already closed");
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("interrupted before publishing " + dest);
      }
      Path marker = staging.resolve(MARKER);
      Files.writeString(marker, completionText + "\n", StandardCharsets.UTF_8);
      fsyncTree(staging);
      Path parent = dest.getParent();
      Path old = null;
      if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
        old = parent.resolve("." + dest.getFileName() + ".initkit-old-" + random());
        Files.move(dest, old, StandardCopyOption.ATOMIC_MOVE);
      }
      try {
        Files.move(staging, dest, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (old != null) {
          Files.move(old, dest, StandardCopyOption.ATOMIC_MOVE);
        }
        throw e;
      }
      published = true;
      fsync(parent);
      if (old != null) {
        try {
          deleteTree(old);
        } catch (IOException ignored) {
          // The result is in place; the next run removes this leftover under the lock.
        }
      }
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (!published) {
          deleteTree(staging);
        }
      } finally {
        try {
          lock.release();
        } finally {
          channel.close();
        }
      }
    }
  }
}
