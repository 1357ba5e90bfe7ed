package dev.initkit.gitfetch.jgit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.common.log.Log;
import dev.initkit.common.log.LogFormat;
import dev.initkit.common.log.LogSettings;
import dev.initkit.common.log.ProgressReporter;
import dev.initkit.common.log.ProgressUnit;
import dev.initkit.common.log.Redactor;
import dev.initkit.gitfetch.ProgressSource;
import dev.initkit.gitfetch.TreeStats;
import java.io.ByteArrayOutputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The checkout's files, written on several threads, as one thread writes them. */
class BlobWriterPoolTest {
  private static final int FILES = 300;

  @TempDir Path dir;
  private Repository repo;
  private Path workTree;
  private final AtomicInteger cancelAfter = new AtomicInteger(Integer.MAX_VALUE);
  private final AtomicInteger cancelChecks = new AtomicInteger();
  private final Log log =
      new Log(
          LogSettings.of("git-fetch", LogFormat.TEXT, false, false),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          new Redactor(),
          Clock.systemUTC());
  private final ProgressSource progress =
      new ProgressSource() {
        @Override
        public ProgressReporter start(String task, long total) {
          return new ProgressReporter(
              log, task, total, ProgressUnit.ITEMS, false, Duration.ofSeconds(5));
        }

        @Override
        public boolean cancelled() {
          return cancelChecks.incrementAndGet() > cancelAfter.get();
        }
      };

  @BeforeEach
  void createRepository() throws Exception {
    workTree = Files.createDirectory(dir.resolve("work"));
    repo =
        new FileRepositoryBuilder()
            .setGitDir(dir.resolve("repo.git").toFile())
            .setWorkTree(workTree.toFile())
            .build();
    repo.create(false);
  }

  @AfterEach
  void close() {
    repo.close();
    Thread.interrupted();
  }

  @Test
  void writesEveryFileLinkAndExecutableBitAndCountsThemOnSeveralThreads() throws Exception {
    List<PendingFile> files = pendingFiles();

    TreeStats written = writeAll(pool(3), files);

    long bytes = 0;
    for (int i = 0; i < FILES; i++) {
      PendingFile pending = files.get(i);
      Path file = pending.file();
      if (pending.mode() == FileMode.SYMLINK) {
        assertThat(Files.readSymbolicLink(file)).isEqualTo(Path.of("target-" + i));
        assertThat(pending.entry().getLength()).isEqualTo(("target-" + i).length());
      } else {
        assertThat(file).hasContent(content(i));
        assertThat(Files.isExecutable(file)).isEqualTo(pending.mode() == FileMode.EXECUTABLE_FILE);
        assertThat(pending.entry().getLength()).isEqualTo(Files.size(file));
        bytes += Files.size(file);
      }
      assertThat(pending.entry().getLastModifiedInstant())
          .isEqualTo(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant());
    }
    assertThat(written).isEqualTo(new TreeStats(FILES, bytes));
  }

  @Test
  void theFirstFailureIsThrownAsItWasOnSeveralThreads() throws Exception {
    List<PendingFile> files = pendingFiles();
    Files.createDirectory(files.get(FILES / 2).file()); // a malformed tree: a name taken twice

    assertThatThrownBy(() -> writeAll(pool(2), files))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining(files.get(FILES / 2).path());
  }

  @Test
  void theFirstFailureStopsTheWritersBeforeTheNextFile() throws Exception {
    List<PendingFile> files = pendingFiles();
    Files.createDirectory(files.get(10).file());

    assertThatThrownBy(() -> writeAll(pool(1), files))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(files.get(9).file()).exists();
    assertThat(files.get(11).file()).doesNotExist();
  }

  @Test
  void sigtermStopsTheWritersAndInterruptsTheCaller() throws Exception {
    List<PendingFile> files = pendingFiles();
    cancelAfter.set(20);

    assertThatThrownBy(() -> writeAll(pool(2), files))
        .isInstanceOf(InterruptedIOException.class)
        .hasMessageContaining("SIGTERM");
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    try (var written = Files.list(workTree)) {
      assertThat(written.count()).isLessThan(FILES);
    }
  }

  @Test
  @Timeout(60)
  void filesWithTheirBytesAtHandWaitForRoomAndAreWrittenInTheBackgroundOnOneCpu() throws Exception {
    // Five times what the queue may hold: adding waits for the one helper to write.
    int count = 5 * BlobWriterPool.HELD_BYTES_LIMIT / (1 << 20);
    byte[] content = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);

    try (BlobWriterPool.Writing writing = pool(1).startInBackground(progress)) {
      for (int i = 0; i < count; i++) {
        String path = "big" + i;
        writing.add(
            PendingFile.withContent(
                workTree.resolve(path),
                path,
                FileMode.REGULAR_FILE,
                ObjectId.zeroId(),
                new DirCacheEntry(path),
                ByteBuffer.wrap(content)));
      }
      assertThat(writing.finish()).isEqualTo(new TreeStats(count, (long) count << 20));
    }
    assertThat(Files.size(workTree.resolve("big" + (count - 1)))).isEqualTo(1 << 20);
  }

  @Test
  void refusesAFileWithMoreBytesThanTheQueueHolds() {
    byte[] content = new byte[BlobWriterPool.HELD_BYTES_LIMIT + 1];

    try (BlobWriterPool.Writing writing = pool(2).startInBackground(progress)) {
      assertThatThrownBy(
              () ->
                  writing.add(
                      PendingFile.withContent(
                          workTree.resolve("huge"),
                          "huge",
                          FileMode.REGULAR_FILE,
                          ObjectId.zeroId(),
                          new DirCacheEntry("huge"),
                          ByteBuffer.wrap(content))))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private TreeStats writeAll(BlobWriterPool pool, List<PendingFile> files) throws Exception {
    try (BlobWriterPool.Writing writing = pool.start(progress, progress.start("checkout", 0))) {
      for (PendingFile file : files) {
        writing.add(file);
      }
      return writing.finish();
    }
  }

  private BlobWriterPool pool(int threads) {
    return new BlobWriterPool(repo, repo.getConfig().get(WorkingTreeOptions.KEY), threads);
  }

  /** Every tenth a symlink, every seventh executable, the rest regular files. */
  private List<PendingFile> pendingFiles() throws Exception {
    List<PendingFile> files = new ArrayList<>();
    try (ObjectInserter inserter = repo.newObjectInserter()) {
      for (int i = 0; i < FILES; i++) {
        FileMode mode =
            i % 10 == 0
                ? FileMode.SYMLINK
                : i % 7 == 0 ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
        String text = mode == FileMode.SYMLINK ? "target-" + i : content(i);
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
        String path = String.format("f%04d", i);
        DirCacheEntry entry = new DirCacheEntry(path);
        entry.setFileMode(mode);
        entry.setObjectId(blob);
        files.add(
            PendingFile.fromRepository(
                workTree.resolve(path), path, mode, blob, null, null, entry));
      }
      inserter.flush();
    }
    return files;
  }

  private static String content(int i) {
    return ("line " + i + "\n").repeat(1 + i % 50);
  }
}
