package dev.initkit.gitfetch.jgit;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PackParser;

/**
 * The repository a checkout creates and fetches into, empty until the fetch. JGit's pack parser
 * looks every received object up in the repository, to compare it with an object of the same id
 * there (a SHA-1 collision); in an empty repository there is none, and each lookup of an object not
 * found was a {@code stat} of {@code objects/pack} (10,000 files: ~35 ms at the end of the
 * download). The parser is told not to look.
 *
 * <p>The switch, {@code PackParser#setCheckObjectCollisions}, is for JGit's own parsers only
 * (protected), and the fetch makes its parser out of reach; it is called by reflection. Should a
 * JGit release drop it, the parser looks as it did ({@code NewRepositoryTest} fails then).
 */
final class NewRepository extends FileRepository {
  private static final Method SET_CHECK_OBJECT_COLLISIONS = collisionCheckSwitch();

  private NewRepository(FileRepositoryBuilder builder) throws IOException {
    super(builder);
  }

  /** Creates the repository at {@code gitDir}, with {@code workTree}. */
  static NewRepository create(Path gitDir, Path workTree) throws IOException {
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setWorkTree(workTree.toFile());
    NewRepository repo = new NewRepository(builder.setup());
    repo.create(false);
    return repo;
  }

  @Override
  public ObjectInserter newObjectInserter() {
    ObjectInserter inserter = super.newObjectInserter();
    return new ObjectInserter.Filter() {
      @Override
      protected ObjectInserter delegate() {
        return inserter;
      }

      @Override
      public PackParser newPackParser(InputStream in) throws IOException {
        PackParser parser = super.newPackParser(in);
        skipCollisionCheck(parser);
        return parser;
      }
    };
  }

  private static void skipCollisionCheck(PackParser parser) {
    if (SET_CHECK_OBJECT_COLLISIONS == null) {
      return;
    }
    try {
      SET_CHECK_OBJECT_COLLISIONS.invoke(parser, false);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("could not turn JGit's collision check off", e);
    }
  }

  private static Method collisionCheckSwitch() {
    try {
      Method method = PackParser.class.getDeclaredMethod("setCheckObjectCollisions", boolean.class);
      method.setAccessible(true);
      return method;
    } catch (NoSuchMethodException | RuntimeException e) {
      return null;
    }
  }
}
