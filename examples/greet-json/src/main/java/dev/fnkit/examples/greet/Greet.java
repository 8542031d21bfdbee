package dev.fnkit.examples.greet;

import dev.fnkit.sdk.HttpException;
import dev.fnkit.sdk.Request;
import dev.fnkit.sdk.TypedFunction;
import java.util.Map;

/**
 * A typed JSON function: {@code POST {"name":"Ada","language":"fr"}} answers {@code
 * {"greeting":"Bonjour, Ada!","language":"fr"}}.
 *
 * <p>The default language comes from the {@code DEFAULT_LANGUAGE} environment variable (else
 * English). An unknown language is a 400 with a message saying which ones exist.
 */
public final class Greet implements TypedFunction<Greet.Greeting, Greet.Reply> {

  /** The request body. */
  public record Greeting(String name, String language) {}

  /** The response body. */
  public record Reply(String greeting, String language) {}

  private static final Map<String, String> SALUTATIONS =
      Map.of("en", "Hello", "fr", "Bonjour", "de", "Hallo", "es", "Hola");

  @Override
  public Reply apply(Greeting input, Request request) {
    if (input.name() == null || input.name().isBlank()) {
      throw new HttpException(400, "\"name\" is required");
    }
    String language =
        input.language() != null ? input.language() : request.env("DEFAULT_LANGUAGE").orElse("en");
    String salutation = SALUTATIONS.get(language);
    if (salutation == null) {
      throw new HttpException(
          400,
          "unknown language \""
              + language
              + "\"; known: "
              + String.join(", ", SALUTATIONS.keySet().stream().sorted().toList()));
    }
    return new Reply(salutation + ", " + input.name() + "!", language);
  }
}
