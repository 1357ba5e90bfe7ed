package dev.initkit.common.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class FirstFailureTest {
  @Test
  void throwsTheFirstFailureAsItWasAndDropsTheRest() throws Exception {
    FirstFailure failure = new FirstFailure();
    failure.rethrow(); // nothing kept: nothing thrown
    IOException first = new IOException("disk full");

    failure.record(first);
    failure.record(new IllegalStateException("a consequence"));

    assertThat(failure.isPresent()).isTrue();
    assertThatThrownBy(failure::rethrow).isSameAs(first);
  }

  @Test
  void throwsUncheckedFailuresAsTheyAre() {
    FirstFailure runtime = new FirstFailure();
    FirstFailure error = new FirstFailure();
    IllegalStateException broken = new IllegalStateException("broken");
    OutOfMemoryError full = new OutOfMemoryError("heap");

    runtime.record(broken);
    error.record(full);

    assertThatThrownBy(runtime::rethrow).isSameAs(broken);
    assertThatThrownBy(error::rethrow).isSameAs(full);
  }

  @Test
  void refusesACheckedFailureItCouldNotThrowAsItWas() {
    assertThatThrownBy(() -> new FirstFailure().record(new Exception("checked")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
