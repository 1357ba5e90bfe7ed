package dev.initkit.dbwait.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.dbwait.probe.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {
  private static List<String> postgres(String script) {
    return texts(new StatementSplitter(Engine.POSTGRESQL).split(script));
  }

  private static List<String> mysql(String script) {
    return texts(new StatementSplitter(Engine.MYSQL).split(script));
  }

  private static List<String> texts(List<SqlStatement> statements) {
    return statements.stream().map(SqlStatement::text).toList();
  }

  @Test
  void splitsAtSemicolonsAndDropsBlankStatements() {
    assertThat(postgres("CREATE TABLE a (x int);\n\nINSERT INTO a VALUES (1);;  \n"))
        .containsExactly("CREATE TABLE a (x int)", "INSERT INTO a VALUES (1)");
    assertThat(mysql("SELECT 1; SELECT 2")).containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void lastStatementNeedsNoDelimiter() {
    assertThat(postgres("SELECT 1;\nSELECT 2")).containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void emptyOrCommentOnlyScriptHasNoStatement() {
    assertThat(postgres("")).isEmpty();
    assertThat(postgres("  -- nothing; here\n/* nor ; here */\n")).isEmpty();
    assertThat(mysql("# only; a comment\n-- and; another\n")).isEmpty();
  }

  @Test
  void semicolonInsideStringLiteralsDoesNotSplit() {
    assertThat(postgres("INSERT INTO t VALUES ('a;b', 'it''s; fine');SELECT 1"))
        .containsExactly("INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT 1");
    assertThat(mysql("INSERT INTO t VALUES ('a;b', \"c;d\", 'it\\'s;', 'x'';');SELECT 1"))
        .containsExactly("INSERT INTO t VALUES ('a;b', \"c;d\", 'it\\'s;', 'x'';')", "SELECT 1");
  }

  @Test
  void backslashIsAnOrdinaryCharacterInStandardPostgresStrings() {
    // 'C:\' ends at its quote: standard_conforming_strings.
    assertThat(postgres("SELECT 'C:\\';SELECT 2")).containsExactly("SELECT 'C:\\'", "SELECT 2");
  }

  @Test
  void backslashEscapesTheQuoteInPostgresEscapeStrings() {
    assertThat(postgres("SELECT E'it\\'s;';SELECT e'\\\\';SELECT 3"))
        .containsExactly("SELECT E'it\\'s;'", "SELECT e'\\\\'", "SELECT 3");
  }

  @Test
  void quotedIdentifiersMayHoldTheDelimiter() {
    assertThat(postgres("CREATE TABLE \"a;\"\"b\" (x int);SELECT 1"))
        .containsExactly("CREATE TABLE \"a;\"\"b\" (x int)", "SELECT 1");
    assertThat(mysql("CREATE TABLE `a;``b` (x int);SELECT 1"))
        .containsExactly("CREATE TABLE `a;``b` (x int)", "SELECT 1");
  }

  @Test
  void dollarQuotedFunctionBodyIsOneStatement() {
    String function =
        """
        CREATE FUNCTION add_one(i int) RETURNS int AS $$
        BEGIN
          RAISE NOTICE 'adding; one';
          RETURN i + 1;
        END;
        $$ LANGUAGE plpgsql""";
    assertThat(postgres(function + ";\nSELECT add_one(1);"))
        .containsExactly(function, "SELECT add_one(1)");
  }

  @Test
  void taggedDollarQuotesMayNestOtherTags() {
    String body = "DO $outer$ BEGIN EXECUTE $q$SELECT ';'$q$; END $outer$";
    assertThat(postgres(body + ";SELECT 2")).containsExactly(body, "SELECT 2");
  }

  @Test
  void dollarSignsThatStartNoQuoteAreOrdinary() {
    // $1 is a parameter and a$b$ an identifier: neither opens a quote.
    assertThat(postgres("PREPARE p AS SELECT $1;SELECT a$b$ FROM t;SELECT 3"))
        .containsExactly("PREPARE p AS SELECT $1", "SELECT a$b$ FROM t", "SELECT 3");
  }

  @Test
  void dollarQuotesMeanNothingToMysql() {
    assertThat(mysql("SELECT '$$';SELECT $$;SELECT 3"))
        .containsExactly("SELECT '$$'", "SELECT $$", "SELECT 3");
  }

  @Test
  void commentsMayHoldDelimitersAndQuotes() {
    assertThat(postgres("SELECT 1 -- it's; here\n;SELECT /* ' ; */ 2;"))
        .containsExactly("SELECT 1 -- it's; here", "SELECT /* ' ; */ 2");
    assertThat(mysql("SELECT 1 # it's; here\n;SELECT 2 -- don't;\n;SELECT /* ' ; */ 3"))
        .containsExactly("SELECT 1 # it's; here", "SELECT 2 -- don't;", "SELECT /* ' ; */ 3");
  }

  @Test
  void postgresBlockCommentsNest() {
    assertThat(postgres("/* outer /* inner; */ still; comment */ SELECT 1; SELECT 2"))
        .containsExactly("/* outer /* inner; */ still; comment */ SELECT 1", "SELECT 2");
  }

  @Test
  void mysqlBlockCommentsDoNotNest() {
    assertThat(mysql("/* a /* b */ SELECT 1; SELECT 2"))
        .containsExactly("/* a /* b */ SELECT 1", "SELECT 2");
  }

  @Test
  void mysqlDoubleDashNeedsABlankToStartAComment() {
    assertThat(mysql("SELECT 1--1;SELECT 2")).containsExactly("SELECT 1--1", "SELECT 2");
  }

  @Test
  void mysqlExecutableCommentIsAStatement() {
    assertThat(mysql("/*!40101 SET NAMES utf8mb4 */;\nSELECT 1;"))
        .containsExactly("/*!40101 SET NAMES utf8mb4 */", "SELECT 1");
  }

  @Test
  void mysqlDelimiterLinesChangeTheDelimiter() {
    String procedure =
        """
        CREATE PROCEDURE fill()
        BEGIN
          INSERT INTO t VALUES ('a;b');
          INSERT INTO t VALUES ('c');
        END""";
    String script =
        "CREATE TABLE t (v text);\n"
            + "DELIMITER //\n"
            + procedure
            + " //\n"
            + "delimiter ;\n"
            + "CALL fill();\n";
    assertThat(mysql(script)).containsExactly("CREATE TABLE t (v text)", procedure, "CALL fill()");
  }

  @Test
  void mysqlDelimiterMayBeSeveralCharacters() {
    assertThat(mysql("DELIMITER $$\nSELECT 1; SELECT 2$$\nSELECT 3$$"))
        .containsExactly("SELECT 1; SELECT 2", "SELECT 3");
  }

  @Test
  void delimiterWithoutAValueIsAnError() {
    assertThatThrownBy(() -> mysql("SELECT 1;\nDELIMITER   \nSELECT 2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("DELIMITER");
  }

  @Test
  void delimiterIsNoCommandInPostgres() {
    assertThat(postgres("DELIMITER //\nSELECT 1;")).containsExactly("DELIMITER //\nSELECT 1");
  }

  @Test
  void semicolonsInsideParenthesesDoNotSplitPostgres() {
    String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); NOTIFY t)";
    assertThat(postgres(rule + ";SELECT 1")).containsExactly(rule, "SELECT 1");
  }

  @Test
  void sqlStandardFunctionBodyIsOneStatement() {
    String function =
        """
        CREATE OR REPLACE FUNCTION grade(score int) RETURNS text
        LANGUAGE SQL
        BEGIN ATOMIC
          SELECT CASE WHEN score > 50 THEN 'pass' ELSE 'fail' END;
          SELECT 'done';
        END""";
    assertThat(postgres(function + ";\nSELECT grade(60);"))
        .containsExactly(function, "SELECT grade(60)");
  }

  @Test
  void beginOutsideARoutineIsATransactionStatement() {
    assertThat(postgres("BEGIN; SELECT 1; END;")).containsExactly("BEGIN", "SELECT 1", "END");
  }

  @Test
  void unclosedStringIsAnErrorNamingItsLine() {
    assertThatThrownBy(() -> postgres("SELECT 1;\nSELECT 'oops;\nSELECT 2;"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 2: string is not closed before the end of the script");
    // In MySQL a backslash escapes: 'C:\' is still open.
    assertThatThrownBy(() -> mysql("SELECT 'C:\\';"))
        .hasMessageContaining("line 1: string is not closed");
  }

  @Test
  void unclosedDollarQuoteCommentAndIdentifierAreErrors() {
    assertThatThrownBy(() -> postgres("SELECT 1;\n\nDO $body$ BEGIN END $$;"))
        .hasMessage(
            "line 3: dollar-quoted string $body$ is not closed before the end of the script");
    assertThatThrownBy(() -> postgres("/* a /* b */ SELECT 1;"))
        .hasMessageContaining("line 1: comment is not closed");
    assertThatThrownBy(() -> mysql("SELECT `x;"))
        .hasMessageContaining("line 1: quoted identifier is not closed");
    assertThatThrownBy(() -> postgres("SELECT \"x;"))
        .hasMessageContaining("line 1: quoted identifier is not closed");
  }

  @Test
  void statementsKnowTheLineWhereTheyStart() {
    List<SqlStatement> statements =
        new StatementSplitter(Engine.POSTGRESQL)
            .split("-- header\nSELECT 1;\n\n  SELECT\n 2;\r\nSELECT 3;");
    assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 4, 6);
    assertThat(statements.get(1).text()).isEqualTo("SELECT\n 2");
  }

  @Test
  void leadingCommentStaysWithItsStatement() {
    assertThat(postgres("SELECT 1;\n-- the second\nSELECT 2;"))
        .containsExactly("SELECT 1", "-- the second\nSELECT 2");
  }

  @Test
  void nonAsciiTextPassesThrough() {
    assertThat(postgres("INSERT INTO t VALUES ('grüße; 東京');SELECT 'ü'"))
        .containsExactly("INSERT INTO t VALUES ('grüße; 東京')", "SELECT 'ü'");
  }
}
