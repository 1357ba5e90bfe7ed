package dev.initkit.gitfetch.jgit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.transport.PackParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewRepositoryTest {
  @TempDir Path dir;

  @Test
  void itsPackParsersDoNotLookForCollisions() throws Exception {
    Path workTree = Files.createDirectory(dir.resolve("work"));
    Method isChecking = PackParser.class.getDeclaredMethod("isCheckObjectCollisions");
    isChecking.setAccessible(true);

    try (NewRepository repo = NewRepository.create(workTree.resolve(".git"), workTree);
        ObjectInserter inserter = repo.newObjectInserter()) {
      PackParser parser = inserter.newPackParser(new ByteArrayInputStream(new byte[0]));

      assertThat(isChecking.invoke(parser)).isEqualTo(false);
      assertThat(workTree.resolve(".git/objects/pack")).isDirectory();
    }
  }
}
