package dev.initkit.envrender.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** POSIX parameter expansion, strict by default, and the modes for files full of other $ syntax. */
class TemplateTest {
  private static final Map<String, String> VARS = vars();

  private static Map<String, String> vars() {
    Map<String, String> vars = new HashMap<>();
    vars.put("SET", "value");
    vars.put("EMPTY", "");
    vars.put("DOLLAR", "$UNSET ${SET} `id` $(id)");
    return vars;
  }

  private static Template.Rendering render(String text, TemplateSyntax syntax) throws Exception {
    return Template.parse("t.tmpl", text, syntax).render(VARS);
  }

  private static String strict(String text) throws Exception {
    Template.Rendering rendering = render(text, TemplateSyntax.strict());
    assertThat(rendering.ok())
        .as("problems: %s %s", rendering.undefined(), rendering.errors())
        .isTrue();
    return rendering.text();
  }

  @Test
  void expandsEveryPosixFormAsTheShellDoes() throws Exception {
    assertThat(strict("$SET ${SET} [$SET]x")).isEqualTo("value value [value]x");
    assertThat(strict("${UNSET-d}|${EMPTY-d}|${SET-d}")).isEqualTo("d||value");
    assertThat(strict("${UNSET:-d}|${EMPTY:-d}|${SET:-d}")).isEqualTo("d|d|value");
    assertThat(strict("${UNSET+a}|${EMPTY+a}|${SET+a}")).isEqualTo("|a|a");
    assertThat(strict("${UNSET:+a}|${EMPTY:+a}|${SET:+a}")).isEqualTo("||a");
    assertThat(strict("${EMPTY?m}|${SET?m}|${SET:?m}")).isEqualTo("|value|value");
  }

  @Test
  void assignmentFormsSetTheVariableForTheRestOfTheTemplate() throws Exception {
    assertThat(strict("${NEW=first} ${NEW} ${EMPTY:=x} $EMPTY ${EMPTY=y}"))
        .isEqualTo("first first x x x");
  }

  @Test
  void wordsExpandNestedReferencesOnlyWhenUsed() throws Exception {
    assertThat(strict("${UNSET:-${SET}-$SET}")).isEqualTo("value-value");
    // The default of a set variable is never expanded, so its undefined reference is no error.
    assertThat(strict("${SET:-$UNDEFINED}")).isEqualTo("value");
    assertThat(strict("${UNSET:-{a}}")).isEqualTo("{a}");
  }

  @Test
  void doubleDollarIsOneLiteralDollarAndOtherDollarsStay() throws Exception {
    assertThat(strict("$$SET $$ $1 $ $@ ${SET}$")).isEqualTo("$SET $ $1 $ $@ value$");
  }

  @Test
  void valuesAreInsertedAsTheyAreAndNeverExpandedAgain() throws Exception {
    assertThat(strict("${DOLLAR}")).isEqualTo("$UNSET ${SET} `id` $(id)");
  }

  @Test
  void quotesAndBackslashesAreOrdinaryText() throws Exception {
    assertThat(strict("'$SET' \"$SET\" \\$SET ${UNSET:-'a b'}"))
        .isEqualTo("'value' \"value\" \\value 'a b'");
  }

  @Test
  void strictListsEveryUndefinedVariableWithItsFirstPlace() throws Exception {
    Template.Rendering r = render("a $ONE\nb ${TWO} $ONE ${THREE:+x}", TemplateSyntax.strict());
    assertThat(r.undefined())
        .containsExactly(Map.entry("ONE", "t.tmpl:1:3"), Map.entry("TWO", "t.tmpl:2:3"));
  }

  @Test
  void questionFormsFailWithTheirMessage() throws Exception {
    Template.Rendering r =
        render("${UNSET?tell me} ${EMPTY:?} ${UNSET:?}", TemplateSyntax.strict());
    assertThat(r.errors())
        .containsExactly(
            "UNSET: tell me (t.tmpl:1:1)",
            "EMPTY: parameter null (t.tmpl:1:18)",
            "UNSET: parameter not set (t.tmpl:1:29)");
  }

  @Test
  void unsupportedAndUnterminatedFormsAreSyntaxErrorsWithTheirPlace() {
    assertThatThrownBy(
            () -> Template.parse("t", "x ${#SET} ${SET%.*}\n${1} ${SET", TemplateSyntax.strict()))
        .isInstanceOfSatisfying(
            TemplateSyntaxException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anySatisfy(
                        p -> assertThat(p).startsWith("unsupported expansion ${#SET} at t:1:3"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("unsupported expansion ${SET%.*} at t:1:11"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("unsupported expansion ${1} at t:2:1"))
                    .anySatisfy(p -> assertThat(p).isEqualTo("unterminated ${ at t:2:6")));
  }

  @Test
  void keepUnknownCopiesUnsetReferencesAndUnsupportedFormsAsWritten() throws Exception {
    TemplateSyntax keep = new TemplateSyntax(null, true);
    Template.Rendering r =
        render("$SET $HOME ${PATH:-/bin} ${#arr[@]} ${1:-x} ${EMPTY:-d} $$ ${open", keep);
    assertThat(r.ok()).isTrue();
    assertThat(r.text()).isEqualTo("value $HOME ${PATH:-/bin} ${#arr[@]} ${1:-x} d $ ${open");
  }

  @Test
  void onlyExpandsTheNamedVariablesAndCopiesEveryOtherDollar() throws Exception {
    TemplateSyntax only = new TemplateSyntax(Set.of("SET"), false);
    String nginx =
        "server_name $SET;\nlocation / { proxy_set_header Host $host; set $a ${SET}x; }\n"
            + "return 200 '$$ ${remote_addr:-x} ${#x}';";
    Template.Rendering r = render(nginx, only);
    assertThat(r.ok()).isTrue();
    assertThat(r.text())
        .isEqualTo(
            "server_name value;\nlocation / { proxy_set_header Host $host; set $a valuex; }\n"
                + "return 200 '$$ ${remote_addr:-x} ${#x}';");
  }

  @Test
  void onlyStillFailsOnANamedVariableThatIsNotSet() throws Exception {
    Template.Rendering r =
        render("$SET $NOPE $other", new TemplateSyntax(Set.of("SET", "NOPE"), false));
    assertThat(r.undefined()).containsOnlyKeys("NOPE");
  }

  @Test
  void reportsTheVariablesItUsed() throws Exception {
    assertThat(render("$SET ${EMPTY:-x} ${UNSET-y}", TemplateSyntax.strict()).used())
        .containsExactlyInAnyOrder("SET");
  }
}
