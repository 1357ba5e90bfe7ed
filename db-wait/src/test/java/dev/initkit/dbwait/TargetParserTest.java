package dev.initkit.dbwait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.common.cli.Secret;
import dev.initkit.common.failure.UsageException;
import dev.initkit.dbwait.probe.DatabaseTarget;
import dev.initkit.dbwait.probe.Engine;
import dev.initkit.dbwait.probe.PasswordSource;
import dev.initkit.dbwait.probe.StatusSet;
import dev.initkit.dbwait.probe.TcpTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How targets, options and the libpq variables combine. */
class TargetParserTest {
  private static final StatusSet OK = StatusSet.parse(List.of("2xx"));

  private static TargetParser parser(String user, String password, LibpqEnvironment libpq) {
    return new TargetParser(
        new TargetParser.Shared(
            user,
            password == null ? null : PasswordSource.fixed(new Secret(password)),
            null,
            null,
            libpq,
            OK,
            (origin, file) -> PasswordSource.fixed(new Secret("from " + file))));
  }

  @Test
  void urlWinsOverOptionsWhichWinOverLibpq() throws Exception {
    LibpqEnvironment libpq =
        new LibpqEnvironment("pghost", "6543", "pguser", new Secret("pgpw"), "pgdb", "require");
    DatabaseTarget target =
        (DatabaseTarget)
            parser("optuser", "optpw", libpq).parse("jdbc:postgresql://urluser@db:5432/app");

    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app");
    assertThat(target.display()).isEqualTo("jdbc:postgresql://db:5432/app");
    assertThat(target.user()).isEqualTo("urluser");
    assertThat(target.password().current().reveal()).isEqualTo("optpw");
    assertThat(target.properties()).containsEntry("sslmode", "require");
  }

  @Test
  void libpqFillsWhatTheUrlLeavesOut() throws Exception {
    LibpqEnvironment libpq =
        new LibpqEnvironment("pghost", "6543", "pguser", new Secret("pgpw"), "pgdb", null);
    DatabaseTarget target = (DatabaseTarget) parser(null, null, libpq).parse("jdbc:postgresql://");

    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://pghost:6543/pgdb");
    assertThat(target.user()).isEqualTo("pguser");
    assertThat(target.password().current().reveal()).isEqualTo("pgpw");
  }

  @Test
  void libpqIsNotUsedForMysql() throws Exception {
    LibpqEnvironment libpq =
        new LibpqEnvironment("pghost", "6543", "pguser", new Secret("pgpw"), "pgdb", "require");
    DatabaseTarget target = (DatabaseTarget) parser(null, null, libpq).parse("jdbc:mysql://db/app");

    assertThat(target.jdbcUrl()).isEqualTo("jdbc:mysql://db/app");
    assertThat(target.user()).isNull();
    assertThat(target.password().current()).isNull();
    assertThat(target.properties()).isEmpty();
  }

  @Test
  void mariadbUrlsGoToConnectorJAndKeepTheirNameForDisplay() throws Exception {
    DatabaseTarget target =
        (DatabaseTarget)
            parser(null, null, LibpqEnvironment.NONE).parse("jdbc:mariadb://db:3307/app?a=b");

    assertThat(target.engine()).isEqualTo(Engine.MYSQL);
    assertThat(target.jdbcUrl()).isEqualTo("jdbc:mysql://db:3307/app?a=b");
    assertThat(target.display()).isEqualTo("jdbc:mariadb://db:3307/app?a=b");
  }

  @Test
  void userParameterInTheUrlIsLeftToTheDriver() throws Exception {
    DatabaseTarget target =
        (DatabaseTarget)
            parser("optuser", null, LibpqEnvironment.NONE).parse("jdbc:postgresql://db/app?user=x");

    assertThat(target.user()).isNull();
    assertThat(target.jdbcUrl()).endsWith("?user=x");
  }

  @Test
  void tcpTargetsTakeIpv6Literals() throws Exception {
    TcpTarget target =
        (TcpTarget) parser(null, null, LibpqEnvironment.NONE).parse("tcp://[::1]:8080");

    assertThat(target.host()).isEqualTo("::1");
    assertThat(target.display()).isEqualTo("tcp://[::1]:8080");
  }

  @Test
  void passwordFileParameterGivesTheTargetItsOwnPasswordAndLeavesTheUrl() throws Exception {
    DatabaseTarget target =
        (DatabaseTarget)
            parser("optuser", "optpw", LibpqEnvironment.NONE)
                .parse(
                    "jdbc:mysql://db:3306/shop?user=shop&passwordFile=/secrets/shop/pw&useSSL=true");

    assertThat(target.password().current().reveal()).isEqualTo("from /secrets/shop/pw");
    assertThat(target.jdbcUrl()).isEqualTo("jdbc:mysql://db:3306/shop?user=shop&useSSL=true");
    assertThat(target.display()).isEqualTo("jdbc:mysql://db:3306/shop?user=shop&useSSL=true");
    assertThat(target.maintenanceUrl()).isEqualTo("jdbc:mysql://db:3306/?user=shop&useSSL=true");
  }

  @Test
  void otherTargetsKeepTheSharedPassword() throws Exception {
    TargetParser parser = parser("app", "optpw", LibpqEnvironment.NONE);
    DatabaseTarget own =
        (DatabaseTarget) parser.parse("jdbc:postgresql://a/app?passwordFile=/secrets/a");
    DatabaseTarget shared = (DatabaseTarget) parser.parse("jdbc:postgresql://b/app");

    assertThat(own.password().current().reveal()).isEqualTo("from /secrets/a");
    assertThat(own.jdbcUrl()).isEqualTo("jdbc:postgresql://a/app");
    assertThat(shared.password().current().reveal()).isEqualTo("optpw");
  }

  @Test
  void emptyPasswordFileParameterIsAUsageError() {
    assertThatThrownBy(
            () ->
                parser(null, null, LibpqEnvironment.NONE)
                    .parse("jdbc:postgresql://db/app?passwordFile="))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("passwordFile= names no file");
  }
}
