package dev.fnkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnkit.sdk.Request;
import dev.fnkit.sdk.TypedFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypedFunctionsTest {
  record In(String name) {}

  static class Direct implements TypedFunction<In, String> {
    @Override
    public String apply(In input, Request request) {
      return input.name();
    }
  }

  abstract static class Base<T> implements TypedFunction<T, String> {}

  static class ThroughBase extends Base<List<In>> {
    @Override
    public String apply(List<In> input, Request request) {
      return "";
    }
  }

  @Test
  void readsTheInputTypeFromTheImplementsClause() {
    assertThat(TypedFunctions.inputType(Direct.class)).isEqualTo(In.class);
  }

  @Test
  void followsTypeArgumentsThroughAGenericSuperclass() {
    assertThat(TypedFunctions.inputType(ThroughBase.class).getTypeName())
        .isEqualTo("java.util.List<dev.fnkit.runtime.TypedFunctionsTest$In>");
  }
}
