package dev.fnkit.runtime;

/**
 * The function could not be loaded: a configuration mistake or a broken function. The message is
 * one line that says what was wrong and what to do; it is meant to be printed without a stack
 * trace.
 */
public final class FunctionLoadException extends Exception {
  private static final long serialVersionUID = 1L;

  public FunctionLoadException(String message) {
    super(message);
  }

  public FunctionLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
