package dev.fnkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnkit.sdk.HttpFunction;
import dev.fnkit.sdk.Request;
import dev.fnkit.sdk.Response;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventConditions;
import org.junit.platform.testkit.engine.TestExecutionResultConditions;

class FnkitExtensionTest {

  /** Counts its own invocations, to show each test gets a fresh instance. */
  public static final class Counter implements HttpFunction {
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public void handle(Request request, Response response) {
      response.send(calls.incrementAndGet() + " " + request.env("MODE").orElse("-"));
    }
  }

  @Nested
  @ExtendWith(FnkitExtension.class)
  @FunctionUnderTest(value = Counter.class, env = "MODE=declared")
  class Declarative {
    @RepeatedTest(2)
    void injectsAFreshTesterPerTest(FunctionTester tester) {
      assertThat(tester.get("/").bodyText()).isEqualTo("1 declared");
      assertThat(tester.get("/").bodyText()).isEqualTo("2 declared");
    }
  }

  /** Run only through the engine below: it forgets to say which function it tests. */
  @ExtendWith(FnkitExtension.class)
  static class MissingFunctionUnderTest {
    @Test
    void needsATester(FunctionTester tester) {}
  }

  @Test
  void withoutAFunctionTheExtensionSaysWhatToAdd() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(DiscoverySelectors.selectClass(MissingFunctionUnderTest.class))
        .execute()
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            EventConditions.finishedWithFailure(
                TestExecutionResultConditions.instanceOf(ExtensionConfigurationException.class),
                TestExecutionResultConditions.message(
                    "FnkitExtension needs @FunctionUnderTest(YourFunction.class) on the test"
                        + " class, or register it with FnkitExtension.of(YourFunction::new)")));
  }

  @Nested
  class Programmatic {
    @RegisterExtension
    final FnkitExtension fnkit = FnkitExtension.of(Counter::new).withEnv("MODE", "built");

    @Test
    void injectsATesterForTheBuiltFunction(FunctionTester tester) {
      assertThat(tester.get("/").bodyText()).isEqualTo("1 built");
    }
  }
}
