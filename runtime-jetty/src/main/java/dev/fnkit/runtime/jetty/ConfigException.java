package dev.fnkit.runtime.jetty;

/**
 * A configuration value is missing or malformed. The message is one line naming the variable or
 * flag and the expected form; it is printed without a stack trace.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
