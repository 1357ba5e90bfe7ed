package dev.initkit.common.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataSizeTest {

  @ParameterizedTest(name = "{0} is {1} bytes")
  @CsvSource({
    "0, 0",
    "0B, 0",
    "100B, 100",
    "512KiB, 524288",
    "10MiB, 10485760",
    "1GiB, 1073741824",
    "2TiB, 2199023255552",
    "512Ki, 524288",
    "10Mi, 10485760",
    "1Gi, 1073741824",
    "1kB, 1000",
    "1KB, 1000",
    "10MB, 10000000",
    "2GB, 2000000000",
    "1TB, 1000000000000",
    "10mib, 10485760",
    "10mb, 10000000",
    "100b, 100",
    "1.5MiB, 1572864",
    "0.5KiB, 512",
    "1.0B, 1",
    "1.0005kB, 1000",
    "0.1KiB, 102",
    "' 10MiB ', 10485760",
  })
  void parsesWhatUsersWrite(String input, long bytes) {
    assertThat(DataSize.parse(input)).isEqualTo(new DataSize(bytes));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "5x", "10 MiB", "10M", "1k", "1G", "1m", "10MiBs", "MiB", "abc", "1.MiB", ".5MiB", "1,5MiB",
        "10bit", "1e3B", "10MiB5", "+1KiB", "1PiB", "1EiB"
      })
  void rejectsGarbageNamingTheInputAndTheAcceptedForms(String input) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DataSize.parse(input))
        .withMessage(
            "'"
                + input
                + "' is not a size: use a number with a unit, like 100B, 512KiB, 10MiB or 1GiB"
                + " (or 10MB for powers of 1000)");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"-1B", "-10MiB", "-0"})
  void rejectsNegatives(String input) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DataSize.parse(input))
        .withMessage("'" + input + "' is not a size: it cannot be negative");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"100", "1.5"})
  void rejectsANumberWithoutAUnitSuggestingOne(String input) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DataSize.parse(input))
        .withMessage("'%s' is not a size: add a unit, like %sB or %sMiB", input, input, input);
  }

  @Test
  void rejectsAFractionOfAByte() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DataSize.parse("1.5B"))
        .withMessage("'1.5B' is not a size: a number of bytes must be whole");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {"8589934592GiB", "9999999TiB", "99999999999999999999B", "9223372036854775808B"})
  void rejectsOverflow(String input) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DataSize.parse(input))
        .withMessageStartingWith("'" + input + "' is not a size: ");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "  "})
  void rejectsEmpty(String input) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DataSize.parse(input))
        .withMessageStartingWith("a size cannot be empty: use a number with a unit");
  }

  @Test
  void rejectsNegativeBytes() {
    assertThatIllegalArgumentException().isThrownBy(() -> new DataSize(-1));
  }

  @ParameterizedTest(name = "{0} bytes shows as {1}")
  @CsvSource({
    "0, 0 B",
    "100, 100 B",
    "1023, 1023 B",
    "1024, 1 KiB",
    "1536, 1.5 KiB",
    "12897485, 12.3 MiB",
    "10485760, 10 MiB",
    "1048575, 1 MiB",
    "1073741824, 1 GiB",
    "9223372036854775807, 8 EiB",
  })
  void formatsForPeopleInBinaryUnits(long bytes, String expected) {
    assertThat(new DataSize(bytes).format()).isEqualTo(expected);
    assertThat(new DataSize(bytes)).hasToString(expected);
  }

  @Test
  void factoriesCountInBinaryUnits() {
    assertThat(DataSize.ofKibibytes(512)).isEqualTo(DataSize.parse("512KiB"));
    assertThat(DataSize.ofMebibytes(10)).isEqualTo(DataSize.parse("10MiB"));
    assertThat(DataSize.ofBytes(100)).isEqualTo(DataSize.parse("100B"));
  }

  @Test
  void comparesBySize() {
    assertThat(DataSize.parse("1MiB")).isGreaterThan(DataSize.parse("1MB"));
  }
}
