package dev.initkit.k8sexamples;

import dev.initkit.common.testkit.ProjectPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The combined example ({@code combined/configmap.yaml} and {@code pod.yaml}) ready to run under
 * podman: the servers it needs on loopback (PostgreSQL, a git server, a Maven repository) with what
 * the example asks of them, and the overlay that points the example's own files at them.
 */
final class CombinedExample implements AutoCloseable {
  static final String VERSION = "0.1.0-SNAPSHOT";

  /** The init containers of the example, in the order they must run. */
  static final List<String> INIT_ORDER =
      List.of("db-wait", "git-fetch", "deps-fetch", "env-render");

  static final String DB_USER = "shop";
  static final String DB_PASSWORD = "shop-Pa55-w0rd";
  static final String GIT_TOKEN = "git-token-unused-by-this-server";
  static final String DRIVER = "org.postgresql:postgresql:42.7.4";
  static final String DRIVER_DEPENDENCY = "org.checkerframework:checker-qual:3.48.3";

  private static final Path ROOT = ProjectPaths.root();

  private final LoopbackPostgres db;
  private final GitHttpServer git;
  private final MavenRepositoryServer maven;
  private final String taggedCommit;
  private final String driverSha;
  private final String dependencySha;

  private CombinedExample(
      LoopbackPostgres db,
      GitHttpServer git,
      MavenRepositoryServer maven,
      String taggedCommit,
      String driverSha,
      String dependencySha) {
    this.db = db;
    this.git = git;
    this.maven = maven;
    this.taggedCommit = taggedCommit;
    this.driverSha = driverSha;
    this.dependencySha = dependencySha;
  }

  /**
   * Loads this build's images of the four tools and the base: the reactor builds them before the
   * examples. Returns the tarballs it could not load (none, when all is well).
   */
  static List<String> loadImages() {
    List<String> missing = new ArrayList<>();
    for (String tool : INIT_ORDER) {
      Path tarball = ROOT.resolve(tool + "/target/jib-image.tar");
      if (!PodmanPlay.imageAvailable("initkit/" + tool + ":" + VERSION, tarball)) {
        missing.add(tarball.toString());
      }
    }
    Path base = ROOT.resolve("image-base/target/base.tar");
    if (!PodmanPlay.imageAvailable("initkit-base:local", base)) {
      missing.add(base.toString());
    }
    return missing;
  }

  /** Starts the servers, with their data under WORK. */
  static CombinedExample start(Path work) throws IOException, SQLException {
    LoopbackPostgres db = LoopbackPostgres.start(work.resolve("pgdata"), DB_USER, DB_PASSWORD);
    GitHttpServer git = null;
    MavenRepositoryServer maven = null;
    try {
      git = GitHttpServer.serve(work.resolve("git"));
      maven = MavenRepositoryServer.serve(work.resolve("maven"));
      String tagged =
          git.createTagged(
              "shop",
              Map.of(
                  "README.md", "shop 2.3.0, fetched by git-fetch\n",
                  "bin/start.sh", "#!/bin/sh\necho starting shop\n"),
              "v2.3.0");
      // The plugin the example's ConfigMap names, with a dependency: both must arrive.
      String driverSha = maven.publish(DRIVER, List.of(DRIVER_DEPENDENCY));
      String dependencySha = maven.publish(DRIVER_DEPENDENCY, List.of());
      return new CombinedExample(db, git, maven, tagged, driverSha, dependencySha);
    } catch (IOException | RuntimeException e) {
      if (maven != null) {
        maven.close();
      }
      if (git != null) {
        git.close();
      }
      db.close();
      throw e;
    }
  }

  String dbUrl() {
    return "jdbc:postgresql://127.0.0.1:" + db.port() + "/" + DB_USER;
  }

  /** The commit that the tag {@code v2.3.0}, which the example asks for, points at. */
  String taggedCommit() {
    return taggedCommit;
  }

  String driverSha() {
    return driverSha;
  }

  String dependencySha() {
    return dependencySha;
  }

  /** The Pod's name under PREFIX: its containers are {@code <pod>-<container>}. */
  static String pod(String prefix) {
    return prefix + "shop";
  }

  /**
   * Plays the example under PREFIX (overlay and manifest in {@code
   * target/podman/<prefix>combined}), with EXTRA_POD_PATCH (JSON patch operations in YAML,
   * unindented; empty for none) applied to the Pod after the overlay's own.
   */
  PodmanPlay play(String prefix, String extraPodPatch) throws IOException {
    Path example = Kustomize.moduleDir().resolve("combined");
    String extra =
        extraPodPatch.isEmpty()
            ? ""
            : "  - target: {kind: Pod, name: shop}\n    patch: |\n" + extraPodPatch.indent(6);
    String overlay =
        """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namePrefix: %1$s
        resources:
          - %2$s
          - %3$s
        # The Secrets the example expects. podman 4.3 mishandles Secret volumes (it crashes
        # without `optional`, podman#16636, and mounts `data` base64-encoded), so the same keys
        # come from ConfigMaps in their place.
        configMapGenerator:
          - name: db-credentials-for-podman
            literals: ["password=%4$s"]
            options: {disableNameSuffixHash: true}
          - name: git-credentials-for-podman
            literals: ["token=%5$s"]
            options: {disableNameSuffixHash: true}
        patches:
          - target: {kind: Pod, name: shop}
            patch: |
              # podman 4.3: init containers take the Pod's restart policy, and are removed (with
              # their logs) once they succeeded unless this annotation keeps them.
              - {op: add, path: /spec/restartPolicy, value: Never}
              - op: add
                path: /metadata/annotations
                value: {io.podman.annotations.init.container.type: always}
              # The loopback servers.
              - {op: test, path: /spec/initContainers/0/env/0/name, value: DB_WAIT_URL}
              - {op: replace, path: /spec/initContainers/0/env/0/value, value: "%6$s"}
              - {op: test, path: /spec/initContainers/1/env/0/name, value: GIT_FETCH_REPO}
              - {op: replace, path: /spec/initContainers/1/env/0/value, value: "%7$s"}
              - {op: test, path: /spec/initContainers/2/name, value: deps-fetch}
              - op: add
                path: /spec/initContainers/2/env/-
                value: {name: DEPS_FETCH_MIRROR, value: "%8$s"}
              # The Secret volumes, as ConfigMaps (see above).
              - {op: test, path: /spec/volumes/3/name, value: db-credentials}
              - op: replace
                path: /spec/volumes/3
                value: {name: db-credentials, configMap: {name: db-credentials-for-podman}}
              - {op: test, path: /spec/volumes/4/name, value: git-credentials}
              - op: replace
                path: /spec/volumes/4
                value: {name: git-credentials, configMap: {name: git-credentials-for-podman}}
              - {op: test, path: /spec/volumes/5/name, value: render-secrets}
              - op: replace
                path: /spec/volumes/5
                value:
                  name: render-secrets
                  configMap:
                    name: db-credentials-for-podman
                    items: [{key: password, path: DB_PASSWORD}]
              # The main container: the base image and the host's busybox, printing what it sees.
              - {op: replace, path: /spec/containers/0/image, value: "initkit-base:local"}
              - {op: remove, path: /spec/containers/0/args}
              - op: add
                path: /spec/containers/0/command
                value:
                  - /bin/busybox
                  - sh
                  - -c
                  - |
                    set -e
                    b=/bin/busybox
                    echo "id: $($b id -u):$($b id -g)"
                    echo "--- db-wait report: $($b ls -ln /workspace/db-wait.json)"
                    echo "--- code"
                    cd /workspace/src
                    $b find . -path ./.git -prune -o -type f -print | $b sort
                    echo "--- HEAD: $($b cat .git/HEAD)"
                    echo "README.md: $($b cat README.md)"
                    echo "bin/start.sh executable: $($b test -x bin/start.sh && echo yes || echo no)"
                    echo "--- plugins"
                    cd /workspace/plugins
                    $b sha256sum *.jar
                    echo "--- app.conf"
                    $b cat /config/app.conf
                    echo "--- end"
              - op: add
                path: /spec/containers/0/volumeMounts/-
                value: {name: busybox, mountPath: /bin/busybox, readOnly: true}
              - op: add
                path: /spec/volumes/-
                value: {name: busybox, hostPath: {path: /bin/busybox, type: File}}
        %9$s"""
            .formatted(
                prefix,
                example.resolve("configmap.yaml"),
                example.resolve("pod.yaml"),
                DB_PASSWORD,
                GIT_TOKEN,
                dbUrl(),
                git.url("shop"),
                maven.url(),
                extra);
    Path dir = Kustomize.moduleDir().resolve("target/podman/" + prefix + "combined");
    return PodmanPlay.play(dir, overlay);
  }

  @Override
  public void close() throws IOException {
    maven.close();
    git.close();
    db.close();
  }
}
