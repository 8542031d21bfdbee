package dev.fnkit.runtime.openruntimes;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the executor tells the runtime through its environment.
 *
 * @param secret {@code OPEN_RUNTIMES_SECRET}; empty disables the check
 * @param development whether {@code OPEN_RUNTIMES_ENV} is {@code development}
 * @param enforcedHeaders {@code OPEN_RUNTIMES_HEADERS}: lower-cased names, stringified values
 * @param logsDir where the per-invocation log files go
 * @param telemetryDir where {@code timings.txt} is read from
 */
public record OpenRuntimesConfig(
    String secret,
    boolean development,
    Map<String, String> enforcedHeaders,
    Path logsDir,
    Path telemetryDir) {

  /** Copies the headers and checks the rest. */
  public OpenRuntimesConfig {
    secret = secret == null ? "" : secret;
    enforcedHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(enforcedHeaders));
    Objects.requireNonNull(logsDir, "logsDir");
    Objects.requireNonNull(telemetryDir, "telemetryDir");
  }

  /**
   * Parses {@code OPEN_RUNTIMES_HEADERS}: a JSON object whose keys are lower-cased and whose values
   * are stringified ({@code 248} becomes {@code "248"}); empty or {@code {}} means none.
   *
   * @throws IllegalArgumentException when it is not a JSON object of scalar values
   */
  public static Map<String, String> parseHeaders(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("expected a JSON object such as {\"x-custom\":\"value\"}");
    }
    if (!parsed.isJsonObject()) {
      throw new IllegalArgumentException("expected a JSON object such as {\"x-custom\":\"value\"}");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : ((JsonObject) parsed).entrySet()) {
      JsonElement value = entry.getValue();
      if (!value.isJsonPrimitive()) {
        throw new IllegalArgumentException(
            "header " + entry.getKey() + " must have a string, number or boolean value");
      }
      JsonPrimitive primitive = value.getAsJsonPrimitive();
      headers.put(
          entry.getKey().toLowerCase(Locale.ROOT),
          primitive.isNumber() ? primitive.getAsNumber().toString() : primitive.getAsString());
    }
    return headers;
  }
}
