package dev.fnkit.runtime;

import java.io.IOException;

/** Reading the request body went past the runtime's limit; the invocation answers 413. */
final class BodyTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  BodyTooLargeException(long limit) {
    super(Invoker.bodyTooLargeMessage(limit));
  }
}
