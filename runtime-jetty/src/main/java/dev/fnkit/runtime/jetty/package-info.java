/**
 * The Jetty 12 (ee10 servlet) runtime: {@link dev.fnkit.runtime.jetty.Main} reads the {@link
 * dev.fnkit.runtime.jetty.RuntimeConfig}, loads the function and starts a {@link
 * dev.fnkit.runtime.jetty.FunctionServer} whose {@link dev.fnkit.runtime.jetty.FunctionServlet}
 * serves it on {@code /*}.
 */
package dev.fnkit.runtime.jetty;
