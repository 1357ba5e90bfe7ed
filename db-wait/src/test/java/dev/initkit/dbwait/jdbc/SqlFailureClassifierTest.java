package dev.initkit.dbwait.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initkit.common.failure.Classification;
import dev.initkit.common.failure.FailureClass;
import dev.initkit.dbwait.probe.Engine;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classes of what the drivers say, as SQLSTATE and vendor codes. The real servers' answers for
 * the common cases are covered by the *IT tests; this covers the codes that are hard to provoke on
 * demand.
 */
class SqlFailureClassifierTest {
  private static final FailureClass T = FailureClass.TRANSIENT;
  private static final FailureClass P = FailureClass.PERMANENT;

  static Stream<Arguments> postgresql() {
    return Stream.of(
        Arguments.of("57P03", T, "starting up"),
        Arguments.of("57P01", T, "cannot serve now"),
        Arguments.of("53300", T, "too many connections"),
        Arguments.of("08001", T, "connection failed"),
        Arguments.of("08006", T, "connection failed"),
        Arguments.of("28P01", P, "bad credentials"),
        Arguments.of("28000", P, "pg_hba.conf"),
        Arguments.of("3D000", P, "does not exist"),
        Arguments.of("42501", P, "permission denied"),
        Arguments.of("42601", P, "refused the SQL"),
        Arguments.of("08P01", P, "is this a PostgreSQL server"),
        Arguments.of("XX000", T, "failed"));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @MethodSource("postgresql")
  void postgresqlStatesHaveTheirClass(String state, FailureClass expected, String reason) {
    Classification c =
        new SqlFailureClassifier(Engine.POSTGRESQL)
            .classify(new SQLException("FATAL: something\n  Hint: more", state));

    assertThat(c.failureClass()).isEqualTo(expected);
    assertThat(c.reason()).contains(reason).contains(state).doesNotContain("Hint");
  }

  static Stream<Arguments> mysql() {
    return Stream.of(
        Arguments.of(1040, "08004", T, "too many connections"),
        Arguments.of(1053, "08S01", T, "went away"),
        Arguments.of(2013, "HY000", T, "went away"),
        Arguments.of(2003, "HY000", T, "cannot connect"),
        Arguments.of(2005, "HY000", T, "not resolvable"),
        Arguments.of(1045, "28000", P, "bad credentials"),
        Arguments.of(1049, "42000", P, "does not exist"),
        Arguments.of(1044, "42000", P, "may not use it"),
        Arguments.of(1129, "HY000", P, "FLUSH HOSTS"),
        Arguments.of(1130, "HY000", P, "may not connect"),
        Arguments.of(0, "08S01", T, "connection failed"),
        Arguments.of(0, "S1009", P, "refused the URL"));
  }

  @ParameterizedTest(name = "{0}/{1} is {2}")
  @MethodSource("mysql")
  void mysqlCodesHaveTheirClass(int code, String state, FailureClass expected, String reason) {
    Classification c =
        new SqlFailureClassifier(Engine.MYSQL).classify(new SQLException("said", state, code));

    assertThat(c.failureClass()).isEqualTo(expected);
    assertThat(c.reason()).contains(reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void networkCausesUnderTheDriversExceptionComeFirst(Engine engine) {
    SqlFailureClassifier classifier = new SqlFailureClassifier(engine);
    SQLException refused = new SQLException("Connection refused", "08001");
    refused.initCause(new ConnectException("Connection refused"));
    SQLException unresolved = new SQLException("unknown host", "08001");
    unresolved.initCause(new UnknownHostException("db"));
    SQLException tls = new SQLException("SSL error", "08006");
    tls.initCause(new SSLHandshakeException("No subject alternative names matching"));

    assertThat(classifier.classify(refused))
        .isEqualTo(Classification.transientCause("connection refused (nothing listens yet)"));
    assertThat(classifier.classify(unresolved).reason()).contains("not resolvable");
    assertThat(classifier.classify(unresolved).isTransient()).isTrue();
    assertThat(classifier.classify(tls).failureClass()).isEqualTo(P);
    assertThat(classifier.quickToRetry(refused)).isTrue();
  }

  static Stream<Engine> engines() {
    return Stream.of(Engine.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void onlyNothingListeningAndStartingUpArePolledFast(Engine engine) {
    SqlFailureClassifier classifier = new SqlFailureClassifier(engine);

    assertThat(classifier.quickToRetry(new SQLException("x", "53300", 1040))).isFalse();
    assertThat(classifier.quickToRetry(new SQLException("x", "57P03")))
        .isEqualTo(engine == Engine.POSTGRESQL);
  }
}
