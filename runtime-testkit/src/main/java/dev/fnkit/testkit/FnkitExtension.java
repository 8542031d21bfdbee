package dev.fnkit.testkit;

import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 integration: gives each test a fresh {@link FunctionTester} (a new function instance, so
 * no state leaks between tests) as a method parameter.
 *
 * <p>Register it programmatically to build the function yourself:
 *
 * <pre>{@code
 * class GreetTest {
 *   @RegisterExtension
 *   static final FnkitExtension fnkit = FnkitExtension.of(Greet::new).withEnv("GREETING", "Hi");
 *
 *   @Test
 *   void greets(FunctionTester tester) {
 *     assertEquals(200, tester.call(TestRequest.post("/").json(Map.of("name", "Ada"))).status());
 *   }
 * }
 * }</pre>
 *
 * <p>or declaratively, with {@code @ExtendWith(FnkitExtension.class)} and {@link
 * FunctionUnderTest @FunctionUnderTest(Hello.class)} on the class.
 */
public final class FnkitExtension implements BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FnkitExtension.class);

  private final Supplier<?> factory;
  private final Map<String, String> env;
  private final Duration timeout;

  /** For {@code @ExtendWith}: the function comes from {@link FunctionUnderTest}. */
  public FnkitExtension() {
    this(null, Map.of(), FunctionTester.DEFAULT_TIMEOUT);
  }

  private FnkitExtension(Supplier<?> factory, Map<String, String> env, Duration timeout) {
    this.factory = factory;
    this.env = Map.copyOf(env);
    this.timeout = timeout;
  }

  /**
   * An extension that makes the function under test with {@code factory}, once per test.
   *
   * @param factory creates the function, e.g. {@code Hello::new}
   * @return the extension, to register with {@code @RegisterExtension}
   */
  public static FnkitExtension of(Supplier<?> factory) {
    return new FnkitExtension(
        Objects.requireNonNull(factory), Map.of(), FunctionTester.DEFAULT_TIMEOUT);
  }

  /** This extension with one more environment variable for the function. */
  public FnkitExtension withEnv(String name, String value) {
    Map<String, String> next = new LinkedHashMap<>(env);
    next.put(name, value);
    return new FnkitExtension(factory, next, timeout);
  }

  /** This extension with another deadline for each invocation. */
  public FnkitExtension withTimeout(Duration timeout) {
    return new FnkitExtension(factory, env, timeout);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NAMESPACE).put(FunctionTester.class, newTester(context));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FunctionTester.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    FunctionTester tester =
        context.getStore(NAMESPACE).get(FunctionTester.class, FunctionTester.class);
    return tester != null ? tester : newTester(context);
  }

  private FunctionTester newTester(ExtensionContext context) {
    FunctionTester tester;
    Map<String, String> variables = new LinkedHashMap<>();
    if (factory != null) {
      tester = FunctionTester.of(factory.get());
    } else {
      FunctionUnderTest annotation =
          annotation(context)
              .orElseThrow(
                  () ->
                      new ExtensionConfigurationException(
                          "FnkitExtension needs @FunctionUnderTest(YourFunction.class) on the test"
                              + " class, or register it with FnkitExtension.of(YourFunction::new)"));
      tester = FunctionTester.of(annotation.value());
      for (String pair : annotation.env()) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          throw new ExtensionConfigurationException(
              "@FunctionUnderTest env entries are NAME=value, was: " + pair);
        }
        variables.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    variables.putAll(env);
    return tester.withEnv(variables).withTimeout(timeout);
  }

  private static Optional<FunctionUnderTest> annotation(ExtensionContext context) {
    for (Optional<ExtensionContext> current = Optional.of(context);
        current.isPresent();
        current = current.get().getParent()) {
      Optional<AnnotatedElement> element = current.get().getElement();
      if (element.isPresent() && element.get().isAnnotationPresent(FunctionUnderTest.class)) {
        return Optional.of(element.get().getAnnotation(FunctionUnderTest.class));
      }
    }
    return Optional.empty();
  }
}
