package ${package};

import dev.fnkit.sdk.HttpException;
import dev.fnkit.sdk.HttpFunction;
import dev.fnkit.sdk.Request;
import dev.fnkit.sdk.Response;
import java.util.Map;

/**
 * Greets someone in JSON.
 *
 * <ul>
 *   <li>{@code GET /?name=Ada} answers {@code {"greeting":"Hello, Ada!"}};
 *   <li>{@code POST /} with {@code {"name":"Ada"}} answers the same;
 *   <li>a missing or blank name, or a body that is not JSON, answers {@code 400} with the reason.
 * </ul>
 *
 * <p>The runtime creates one instance and calls it concurrently: keep fields immutable.
 */
public final class Greeting implements HttpFunction {

  /** The JSON body of a {@code POST}. */
  record Person(String name) {}

  @Override
  public void handle(Request request, Response response) {
    String name = request.method().equals("POST") ? nameFromBody(request) : request.queryParam("name").orElse("");
    if (name == null || name.isBlank()) {
      throw new HttpException(400, "say who to greet: ?name=... or {\"name\":\"...\"}");
    }
    request.log().log("greeting", name);
    response.json(Map.of("greeting", "Hello, " + name.trim() + "!"));
  }

  private static String nameFromBody(Request request) {
    try {
      return request.bodyAs(Person.class).name();
    } catch (IllegalArgumentException notJson) {
      throw new HttpException(400, notJson.getMessage());
    }
  }
}
