package dev.fnkit.runtime.openruntimes;

import dev.fnkit.runtime.Hex;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Log ids: the executor's own when it sends a usable one, else generated like the stock runtime's.
 */
final class LogIds {
  /** A caller's id becomes part of a file name, so it may only hold safe characters. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  private LogIds() {}

  /** 20 lowercase hex digits: 8 of epoch seconds, 5 of microseconds, 7 random. */
  static String generate() {
    Instant now = Instant.now();
    StringBuilder id = new StringBuilder(20);
    Hex.append(id, now.getEpochSecond(), 8);
    Hex.append(id, now.getNano() / 1000, 5);
    Hex.append(id, ThreadLocalRandom.current().nextInt(1 << 28), 7);
    return id.toString();
  }

  static boolean isSafe(String id) {
    return SAFE.matcher(id).matches() && !id.contains("..");
  }
}
