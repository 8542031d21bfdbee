package dev.fnkit.examples.hello;

import dev.fnkit.sdk.HttpFunction;
import dev.fnkit.sdk.Request;
import dev.fnkit.sdk.Response;

/** Greets the {@code name} query parameter: {@code GET /?name=Ada} answers {@code Hello, Ada!}. */
public final class Hello implements HttpFunction {

  @Override
  public void handle(Request request, Response response) {
    String name = request.queryParam("name").filter(n -> !n.isBlank()).orElse("world");
    request.log().log("greeting", name);
    response.send("Hello, " + name + "!");
  }
}
