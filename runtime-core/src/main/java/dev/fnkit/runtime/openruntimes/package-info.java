/**
 * The Open Runtimes v5 executor protocol, as a layer around the invocation core: {@link
 * dev.fnkit.runtime.openruntimes.OpenRuntimesProtocol} answers the {@code /__opr/} routes, checks
 * the timeout header and the secret, picks the log id and files, and hands the function an {@link
 * dev.fnkit.runtime.openruntimes.OpenRuntimesExchange}: the protocol's view of headers and answers.
 */
package dev.fnkit.runtime.openruntimes;
