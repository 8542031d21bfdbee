/**
 * Runs a fnkit function in memory, through the same invocation core as the Jetty runtime, with no
 * socket: describe a {@link dev.fnkit.testkit.TestRequest}, {@link
 * dev.fnkit.testkit.FunctionTester#call call} the function, assert on the {@link
 * dev.fnkit.testkit.TestResponse}.
 *
 * <pre>{@code
 * FunctionTester tester = FunctionTester.of(new Hello());
 * TestResponse response = tester.call(TestRequest.get("/?name=Ada"));
 * assertEquals(200, response.status());
 * assertEquals("Hello, Ada!", response.bodyText());
 * }</pre>
 *
 * <p>With JUnit 5, {@link dev.fnkit.testkit.FnkitExtension} injects a tester into test methods.
 */
package dev.fnkit.testkit;
