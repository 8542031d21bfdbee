/**
 * The server-neutral invocation engine shared by the Jetty runtime and the testkit: loading a
 * function ({@link dev.fnkit.runtime.FunctionLoader}), running one invocation with its deadline,
 * logs and error mapping ({@link dev.fnkit.runtime.Invoker}), and the {@link
 * dev.fnkit.runtime.Exchange} a server adapter implements.
 */
package dev.fnkit.runtime;
