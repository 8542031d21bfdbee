/**
 * The API a fnkit function is written against.
 *
 * <p>Implement {@link dev.fnkit.sdk.HttpFunction} to handle raw HTTP requests, or {@link
 * dev.fnkit.sdk.TypedFunction} to receive and return JSON-bound values:
 *
 * <pre>{@code
 * public final class Hello implements HttpFunction {
 *   public void handle(Request request, Response response) {
 *     String name = request.queryParam("name").orElse("world");
 *     response.send("Hello, " + name + "!");
 *   }
 * }
 * }</pre>
 *
 * <p>This package has no dependencies beyond the JDK. The runtime that serves the function (the
 * Jetty runtime or the in-memory testkit) provides the implementations of {@link
 * dev.fnkit.sdk.Request} and {@link dev.fnkit.sdk.Response}.
 */
package dev.fnkit.sdk;
