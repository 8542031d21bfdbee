package dev.fnkit.runtime.jetty.openruntimes;

import dev.fnkit.runtime.openruntimes.OpenRuntimesConfig;
import java.util.Map;

/** Test shorthand for the executor's header variable. */
final class OpenRuntimesConfigParsing {
  private OpenRuntimesConfigParsing() {}

  static Map<String, String> headers(String json) {
    return OpenRuntimesConfig.parseHeaders(json);
  }
}
