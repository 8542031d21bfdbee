package dev.fnkit.runtime;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The JSON binding behind {@code Request.bodyAs} and {@code Response.json}: compact output, strict
 * input, {@code java.time} values as ISO-8601 strings. Thread-safe; one instance per runtime.
 */
public final class Json {
  private final Gson gson;

  public Json() {
    this.gson =
        new GsonBuilder()
            .disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, isoString(Instant::parse))
            .registerTypeAdapter(LocalDate.class, isoString(LocalDate::parse))
            .registerTypeAdapter(LocalTime.class, isoString(LocalTime::parse))
            .registerTypeAdapter(LocalDateTime.class, isoString(LocalDateTime::parse))
            .registerTypeAdapter(OffsetDateTime.class, isoString(OffsetDateTime::parse))
            .registerTypeAdapter(ZonedDateTime.class, isoString(ZonedDateTime::parse))
            .registerTypeAdapter(Duration.class, isoString(Duration::parse))
            .create();
  }

  /** Compact JSON for {@code value} ({@code null} gives {@code null}). */
  public String write(Object value) {
    return gson.toJson(value);
  }

  /**
   * Binds a JSON body to {@code type}.
   *
   * @throws IllegalArgumentException when the body is empty or not JSON of that type; the message
   *     is fit for a client (no class names) and mentions JSON
   */
  @SuppressWarnings("unchecked")
  public <T> T read(byte[] body, Charset charset, Type type) {
    if (body.length == 0) {
      throw new IllegalArgumentException("Request body is empty; expected JSON.");
    }
    try (JsonReader reader =
        new JsonReader(new InputStreamReader(new ByteArrayInputStream(body), charset))) {
      reader.setStrictness(Strictness.STRICT);
      T value = (T) gson.fromJson(reader, type);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new IllegalArgumentException(
            "Request body is not valid JSON: unexpected data after the JSON value.");
      }
      return value;
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw new IllegalArgumentException("Request body is not valid JSON: " + reason(e), e);
    }
  }

  /** The first line of Gson's message, without exception class names or advice about Gson. */
  private static String reason(Throwable failure) {
    String message = failure.getMessage();
    if (message == null && failure.getCause() != null) {
      message = failure.getCause().getMessage();
    }
    if (message == null) {
      return "malformed JSON.";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    line = CLASS_PREFIX.matcher(line).replaceAll("");
    return line.replace(LENIENCY_ADVICE, "malformed JSON");
  }

  private static final Pattern CLASS_PREFIX =
      Pattern.compile("^([a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*: ");
  private static final String LENIENCY_ADVICE =
      "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON";

  private static <T> TypeAdapter<T> isoString(Function<String, T> parse) {
    return new TypeAdapter<T>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        out.value(value.toString());
      }

      @Override
      public T read(JsonReader in) throws IOException {
        String text = in.nextString();
        try {
          return parse.apply(text);
        } catch (RuntimeException e) {
          throw new JsonParseException("\"" + text + "\" is not an ISO-8601 value", e);
        }
      }
    }.nullSafe();
  }
}
