package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnkit.testkit.FnkitExtension;
import dev.fnkit.testkit.FunctionTester;
import dev.fnkit.testkit.FunctionUnderTest;
import dev.fnkit.testkit.TestRequest;
import dev.fnkit.testkit.TestResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FnkitExtension.class)
@FunctionUnderTest(Greeting.class)
class GreetingTest {

  @Test
  void greetsTheNameQueryParameter(FunctionTester tester) {
    TestResponse response = tester.get("/?name=Ada");

    assertEquals(200, response.status());
    assertEquals("application/json; charset=utf-8", response.header("Content-Type").orElseThrow());
    assertEquals(Map.of("greeting", "Hello, Ada!"), response.bodyAs(Map.class));
    assertEquals(List.of("greeting Ada"), response.logMessages());
  }

  @Test
  void greetsTheNameOfAJsonBody(FunctionTester tester) {
    TestResponse response = tester.call(TestRequest.post("/").json(Map.of("name", "Grace")));

    assertEquals(Map.of("greeting", "Hello, Grace!"), response.bodyAs(Map.class));
  }

  @Test
  void aMissingNameIs400(FunctionTester tester) {
    TestResponse response = tester.get("/");

    assertEquals(400, response.status());
    assertTrue(response.bodyText().startsWith("say who to greet"));
  }

  @Test
  void aBodyThatIsNotJsonIs400WithTheReason(FunctionTester tester) {
    TestResponse response = tester.call(TestRequest.post("/").jsonText("{\"name\":"));

    assertEquals(400, response.status());
    assertTrue(response.bodyText().startsWith("Request body is not valid JSON"));
  }
}
