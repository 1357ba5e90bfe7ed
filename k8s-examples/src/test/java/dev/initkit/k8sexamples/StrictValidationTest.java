package dev.initkit.k8sexamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initkit.k8sexamples.KubernetesApi.InvalidObjectException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Broken fixtures prove that the validation is strict: each must be refused, for its fault. */
class StrictValidationTest {

  @Test
  void validFixtureIsAccepted() throws IOException {
    assertThat(KubernetesApi.readAll(fixture("valid.yaml"))).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // A misspelled field (runAsNonroot), which Kubernetes would drop or refuse.
    "unknown-field.yaml, 'fields unknown to Kubernetes 1.34: [.spec.securityContext.runAsNonroot]'",
    // A field in the wrong place: volumeMounts under the Pod spec.
    "misplaced-field.yaml, '.spec.volumeMounts'",
    // An unknown field deep inside a Deployment's template.
    "unknown-field-in-template.yaml, '.spec.template.spec.initContainers[0].envFrom[0].configMap'",
    // A string where the API wants an integer.
    "wrong-type-string-for-integer.yaml, 'wrong type'",
    // An integer where the API wants a string (an env value).
    "wrong-type-integer-for-string.yaml, 'wrong type'",
    // A string where the API wants a boolean.
    "wrong-type-string-for-boolean.yaml, 'wrong type'",
    // A single item where the API wants a list.
    "wrong-type-scalar-for-list.yaml, 'wrong type'",
    // A kind these examples never use (a typo in apiVersion).
    "unknown-kind.yaml, 'not a kind'",
  })
  void brokenFixtureIsRefused(String name, String because) throws IOException {
    String yaml = fixture(name);
    assertThatThrownBy(() -> KubernetesApi.readAll(yaml))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessageContaining(because);
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = StrictValidationTest.class.getResourceAsStream("/broken/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
