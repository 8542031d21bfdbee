package dev.fnkit.runtime.jetty;

import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's answers to requests that never reach the function (malformed, ambiguous paths): the
 * status with a short plain-text body, never an HTML page or a stack trace.
 */
final class PlainErrorHandler extends ErrorHandler {
  PlainErrorHandler() {
    setShowStacks(false);
    setShowMessageInTitle(false);
    setDefaultResponseMimeType("text/plain");
  }
}
