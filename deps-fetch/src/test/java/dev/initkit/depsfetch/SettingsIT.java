package dev.initkit.depsfetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.testkit.ToolResult;
import dev.initkit.common.testkit.ToolRun;
import dev.initkit.depsfetch.testrepo.Fixtures;
import dev.initkit.depsfetch.testrepo.RepositoryServer;
import dev.initkit.depsfetch.testrepo.ServedAcmeRepository;
import dev.initkit.depsfetch.testrepo.TestRepository;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** --settings: servers, mirrors and the proxy of a Maven settings.xml. */
class SettingsIT {
  private static final String PASSWORD = "s3ttings-pa55";

  @TempDir Path dir;
  @RegisterExtension final ServedAcmeRepository served = new ServedAcmeRepository();

  private Path settings(String body) throws IOException {
    return Files.writeString(dir.resolve("settings.xml"), "<settings>" + body + "</settings>\n");
  }

  private ToolRun deps(Path settings) {
    return ToolRun.of(new DepsFetchCommand())
        .args("--settings", settings.toString(), "--termination-log", dir.resolve("t").toString())
        .args("--retry-initial", "10ms", "--retry-max-interval", "50ms", "--timeout", "20s")
        .args(Fixtures.APP, "--dest", dir.resolve("volume/lib").toString());
  }

  @Test
  void mirrorOfEverythingWithServerCredentials() throws IOException {
    served.server().requireBasicAuth("deployer", PASSWORD);
    Path settings =
        settings(
            "<servers><server><id>corp</id><username>deployer</username><password>"
                + PASSWORD
                + "</password></server></servers>"
                + "<mirrors><mirror><id>corp</id><mirrorOf>*</mirrorOf><url>"
                + served.server().url()
                + "</url></mirror></mirrors>");

    ToolResult result = deps(settings).args("--verbose").run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(dir.resolve("volume/lib"))).hasSize(11);
    assertThat(result.stderr()).doesNotContain(PASSWORD);
  }

  @Test
  void serverHttpHeaderIsSentAsIs() throws IOException {
    served.server().requireHeader("Authorization", "Token " + PASSWORD);
    Path settings =
        settings(
            "<servers><server><id>test</id><configuration><httpHeaders><property>"
                + "<name>Authorization</name><value>Token "
                + PASSWORD
                + "</value></property></httpHeaders></configuration></server></servers>");

    ToolResult result =
        deps(settings)
            .args("--no-default-repositories", "--repository", "test=" + served.server().url())
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
  }

  @Test
  void proxyCarriesRequestsToAnUnresolvableHost() throws IOException {
    int port = URI.create(served.server().url()).getPort();
    Path settings =
        settings(
            "<proxies><proxy><active>false</active><host>127.0.0.1</host><port>9</port></proxy>"
                + "<proxy><protocol>http</protocol><host>127.0.0.1</host><port>"
                + port
                + "</port></proxy></proxies>");

    ToolResult result =
        deps(settings)
            .args("--no-default-repositories", "--repository", "far=http://repo.invalid/maven/")
            .run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(dir.resolve("volume/lib"))).hasSize(11);
  }

  private static String profile(String id, String activation, String repositoryId, String url) {
    return "<profile><id>"
        + id
        + "</id>"
        + activation
        + "<repositories><repository><id>"
        + repositoryId
        + "</id><url>"
        + url
        + "</url></repository></repositories></profile>";
  }

  @Test
  void activeProfileRepositoryIsUsedWithItsServerCredentials() throws IOException {
    served.server().requireBasicAuth("deployer", PASSWORD);
    Path settings =
        settings(
            "<servers><server><id>corp</id><username>deployer</username><password>"
                + PASSWORD
                + "</password></server></servers>"
                + "<profiles>"
                + profile("inactive", "", "nowhere", "http://repo.invalid/maven/")
                + profile("corp", "", "corp", served.server().url())
                + "</profiles><activeProfiles><activeProfile>corp</activeProfile>"
                + "<activeProfile>not-defined</activeProfile></activeProfiles>");

    ToolResult result = deps(settings).args("--no-default-repositories").run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(DepsFetchRun.files(dir.resolve("volume/lib"))).hasSize(11);
    assertThat(result.stderr()).doesNotContain(PASSWORD).doesNotContain("repo.invalid");
  }

  @Test
  void activeByDefaultProfileIsUsedUntilAnotherProfileIsActivated() throws IOException {
    try (RepositoryServer other =
        RepositoryServer.start(Fixtures.acme(new TestRepository(dir.resolve("other"))))) {
      String profiles =
          "<profiles>"
              + profile(
                  "default",
                  "<activation><activeByDefault>true</activeByDefault></activation>",
                  "by-default",
                  other.url())
              + profile("named", "", "named", served.server().url())
              + "</profiles>";

      ToolResult byDefault = deps(settings(profiles)).args("--no-default-repositories").run();

      assertThat(byDefault.exitCode()).as(DepsFetchRun.describe(byDefault)).isZero();
      assertThat(other.artifactDownloads()).isNotEmpty();
      assertThat(served.server().requests()).isEmpty();

      other.clearRequests();
      Path named =
          settings(
              profiles + "<activeProfiles><activeProfile>named</activeProfile></activeProfiles>");
      ToolResult result = deps(named).args("--no-default-repositories").run();

      assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
      assertThat(served.server().artifactDownloads()).isNotEmpty();
      assertThat(other.requests()).as("activeByDefault dropped").isEmpty();
    }
  }

  @Test
  void settingsMirrorServesAProfileRepository() throws IOException {
    Path settings =
        settings(
            "<mirrors><mirror><id>corp</id><mirrorOf>far</mirrorOf><url>"
                + served.server().url()
                + "</url></mirror></mirrors><profiles>"
                + profile(
                    "far",
                    "<activation><activeByDefault>true</activeByDefault></activation>",
                    "far",
                    "http://repo.invalid/maven/")
                + "</profiles>");

    ToolResult result = deps(settings).args("--no-default-repositories").run();

    assertThat(result.exitCode()).as(DepsFetchRun.describe(result)).isZero();
    assertThat(served.server().artifactDownloads()).isNotEmpty();
  }

  @Test
  void profileRepositoryWithoutUrlExitsTwo() throws IOException {
    Path settings =
        settings(
            "<profiles><profile><id>p</id><repositories><repository><id>r</id></repository>"
                + "</repositories></profile></profiles>"
                + "<activeProfiles><activeProfile>p</activeProfile></activeProfiles>");

    ToolResult result = deps(settings).run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("lacks <url>");
    assertThat(dir.resolve("volume")).doesNotExist();
  }

  @Test
  void encryptedPasswordExitsTwo() throws IOException {
    Path settings =
        settings(
            "<servers><server><id>central</id><username>me</username>"
                + "<password>{COQLCE6DU6GtcS5P=}</password></server></servers>");

    ToolResult result = deps(settings).run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("encrypted password");
    assertThat(dir.resolve("volume")).doesNotExist();
  }

  @Test
  void malformedSettingsExitTwo() throws IOException {
    Path settings = Files.writeString(dir.resolve("settings.xml"), "<settings><servers>");

    ToolResult result = deps(settings).run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("not well-formed XML");
  }
}
