package dev.initkit.gitfetch.jgit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asking a server (JGit's, over smart HTTP) for some refs only, in protocol v2 and v0, and fetching
 * on the same connection.
 */
class RemoteSessionIT {
  @RegisterExtension static final GitTestServer server = GitTestServer.forTestClass();

  private static TestRepository v2;
  private static TestRepository v0;
  private static String main;

  @BeforeAll
  static void repositories() throws Exception {
    v2 = repository("v2-refs");
    v0 = repository("v0-refs");
    v0.speakProtocolV0Only();
  }

  private static TestRepository repository(String name) throws Exception {
    TestRepository repo = server.repo(name);
    main = repo.commit("main", "one", TestRepository.tree().file("a.txt", "a\n"));
    repo.commit("feature", "two", TestRepository.tree().file("b.txt", "b\n"));
    repo.tag("v1", main);
    // What GitHub adds for every pull request.
    for (int i = 1; i <= 50; i++) {
      RefUpdate update = repo.repository().updateRef("refs/pull/" + i + "/head");
      update.setNewObjectId(ObjectId.fromString(main));
      update.forceUpdate();
    }
    return repo;
  }

  @TempDir Path dir;

  private static Map<String, Ref> refs(String... prefixes) throws Exception {
    return refs(v2, prefixes);
  }

  private static Map<String, Ref> refs(TestRepository repo, String... prefixes) throws Exception {
    try (RemoteSession session =
        new RemoteSession.Open(null, repo.url(), List.of(prefixes), 0).call()) {
      return session.refs();
    }
  }

  @Test
  void theRemoteSendsOnlyTheRefsUnderThePrefixes() throws Exception {
    assertThat(refs("refs/heads/main", "refs/tags/main")).containsOnlyKeys("refs/heads/main");
    assertThat(refs("refs/heads/v1", "refs/tags/v1")).containsOnlyKeys("refs/tags/v1");
    assertThat(refs()).containsKeys("refs/heads/feature", "refs/pull/50/head").hasSize(54);
  }

  @Test
  void aProtocolV0ServerSendsEveryRefWhateverIsAsked() throws Exception {
    Map<String, Ref> refs = refs(v0, "refs/heads/main");

    assertThat(refs).containsKeys("refs/heads/main", "refs/pull/50/head").hasSize(54);
  }

  @Test
  void headComesWithTheBranchItPointsAt() throws Exception {
    Map<String, Ref> refs = refs("HEAD");

    // (JGit lists the branch HEAD points at beside it.)
    assertThat(refs)
        .containsKey("HEAD")
        .doesNotContainKeys("refs/heads/feature", "refs/pull/1/head");
    assertThat(refs.get("HEAD").isSymbolic()).isTrue();
    assertThat(refs.get("HEAD").getTarget().getName()).isEqualTo("refs/heads/main");
    assertThat(refs.get("HEAD").getObjectId().name()).isEqualTo(main);
  }

  @Test
  void aCloneListsTheRefAndFetchesItOnOneConnectionInThreeRequests() throws Exception {
    int before = server.faults().requests();
    try (Repository local =
        new FileRepositoryBuilder().setGitDir(dir.resolve("clone.git").toFile()).build()) {
      local.create(true);
      try (RemoteSession session =
          new RemoteSession.Open(local, v2.url(), List.of("refs/heads/main"), 1).call()) {
        Ref main = session.refs().get("refs/heads/main");
        session.fetch(main, null, NullProgressMonitor.INSTANCE);

        assertThat(local.getObjectDatabase().has(main.getObjectId())).isTrue();
      }
      // Capabilities, the ref listing, the pack.
      assertThat(server.faults().requests() - before).isEqualTo(3);
      assertThat(local.getRefDatabase().getRefs()).as("no ref is set by the fetch").isEmpty();
    }
  }
}
