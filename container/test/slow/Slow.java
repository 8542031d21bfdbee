package slow;

import dev.fnkit.sdk.HttpFunction;
import dev.fnkit.sdk.Request;
import dev.fnkit.sdk.Response;

/** Answers after {@code ?ms=} milliseconds: in-flight work for the graceful-shutdown test. */
public final class Slow implements HttpFunction {
  @Override
  public void handle(Request request, Response response) throws Exception {
    Thread.sleep(Long.parseLong(request.queryParam("ms").orElse("1000")));
    response.send("done");
  }
}
