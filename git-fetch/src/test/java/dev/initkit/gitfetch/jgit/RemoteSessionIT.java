package dev.initkit.gitfetch.jgit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.gitfetch.server.GitTestServer;
import dev.initkit.gitfetch.server.TestRepository;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Asking a server (JGit's, over smart HTTP) for some refs only, in protocol v2 and v0. */
class RemoteRefsCommandIT {
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

  private static Map<String, Ref> refs(String... prefixes) throws Exception {
    return new RemoteRefsCommand(v2.url(), List.of(prefixes)).call();
  }

  @Test
  void theRemoteSendsOnlyTheRefsUnderThePrefixes() throws Exception {
    assertThat(refs("refs/heads/main", "refs/tags/main")).containsOnlyKeys("refs/heads/main");
    assertThat(refs("refs/heads/v1", "refs/tags/v1")).containsOnlyKeys("refs/tags/v1");
    assertThat(refs()).containsKeys("refs/heads/feature", "refs/pull/50/head").hasSize(54);
  }

  @Test
  void aProtocolV0ServerSendsEveryRefWhateverIsAsked() throws Exception {
    Map<String, Ref> refs = new RemoteRefsCommand(v0.url(), List.of("refs/heads/main")).call();

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
}
