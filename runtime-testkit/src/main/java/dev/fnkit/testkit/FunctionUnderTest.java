package dev.fnkit.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the function a test class exercises, for {@link FnkitExtension} registered with
 * {@code @ExtendWith}:
 *
 * <pre>{@code
 * @ExtendWith(FnkitExtension.class)
 * @FunctionUnderTest(Hello.class)
 * class HelloTest {
 *   @Test
 *   void greets(FunctionTester tester) {
 *     assertEquals("Hello, Ada!", tester.get("/?name=Ada").bodyText());
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FunctionUnderTest {

  /** The function class; it needs a public no-argument constructor. */
  Class<?> value();

  /** Environment variables as {@code NAME=value} pairs. */
  String[] env() default {};
}
