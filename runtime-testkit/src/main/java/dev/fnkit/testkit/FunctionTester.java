package dev.fnkit.testkit;

import dev.fnkit.runtime.ConsoleCapture;
import dev.fnkit.runtime.ContentTypes;
import dev.fnkit.runtime.Invoker;
import dev.fnkit.runtime.InvokerSettings;
import dev.fnkit.runtime.Json;
import dev.fnkit.runtime.LoadedFunction;
import dev.fnkit.runtime.LogEntry;
import dev.fnkit.runtime.LogSink;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs one function in memory through the runtime's own invocation core: the same request view,
 * response rules, deadlines, error mapping and log capture as the Jetty runtime, without a socket.
 *
 * <pre>{@code
 * FunctionTester tester = FunctionTester.of(new Hello()).withEnv("GREETING", "Hi");
 * TestResponse response = tester.call(TestRequest.get("/?name=Ada"));
 * assertEquals("Hi, Ada!", response.bodyText());
 * }</pre>
 *
 * <p>A tester is immutable and thread-safe: {@code with} methods return a new tester, and {@link
 * #call} may run concurrently. Each call runs the function on a thread of its own and returns as
 * soon as the answer exists, so a function that overruns its deadline gets its 504 at once, as over
 * HTTP. Defaults: no environment variables, a 30-second deadline (so a hanging function fails the
 * test instead of hanging it), the runtime's 20 MiB body limit.
 */
public final class FunctionTester {
  static final Json JSON = new Json();

  static {
    // What a function prints is captured per invocation, as in the runtime.
    ConsoleCapture.install();
  }

  /** The deadline of a tester that was not given one. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final LoadedFunction function;
  private final Map<String, String> env;
  private final Duration timeout;
  private final long maxBodyBytes;

  private FunctionTester(
      LoadedFunction function, Map<String, String> env, Duration timeout, long maxBodyBytes) {
    this.function = function;
    this.env = Map.copyOf(env);
    this.timeout = timeout;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * A tester for a function instance.
   *
   * @param function an {@code HttpFunction} or {@code TypedFunction}
   * @return the tester
   * @throws IllegalArgumentException if it is neither, or a typed function's input type cannot be
   *     determined
   */
  public static FunctionTester of(Object function) {
    return new FunctionTester(
        LoadedFunction.of(function),
        Map.of(),
        DEFAULT_TIMEOUT,
        InvokerSettings.DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * A tester for a function class, created with its public no-argument constructor as the runtime
   * creates it.
   *
   * @param functionClass the function class
   * @return the tester
   * @throws IllegalArgumentException if the class cannot be instantiated or is not a function
   */
  public static FunctionTester of(Class<?> functionClass) {
    try {
      return of(functionClass.getConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          functionClass.getName() + " needs a public no-argument constructor: " + e, e);
    }
  }

  /** This tester with one more environment variable. */
  public FunctionTester withEnv(String name, String value) {
    Map<String, String> next = new HashMap<>(env);
    next.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
    return new FunctionTester(function, next, timeout, maxBodyBytes);
  }

  /** This tester with the given environment variables, replacing any set before. */
  public FunctionTester withEnv(Map<String, String> variables) {
    return new FunctionTester(function, variables, timeout, maxBodyBytes);
  }

  /** This tester with another deadline; {@link Duration#ZERO} for none. */
  public FunctionTester withTimeout(Duration timeout) {
    return new FunctionTester(function, env, Objects.requireNonNull(timeout), maxBodyBytes);
  }

  /** This tester with another request body limit. */
  public FunctionTester withMaxBodyBytes(long maxBodyBytes) {
    return new FunctionTester(function, env, timeout, maxBodyBytes);
  }

  /** The function instance under test. */
  public Object function() {
    return function.instance();
  }

  /**
   * Invokes the function with {@code request} and returns its answer with the logs it wrote.
   *
   * @param request the request
   * @return the answer
   */
  public TestResponse call(TestRequest request) {
    Map<String, String> variables = env;
    if (!request.env().isEmpty()) {
      Map<String, String> merged = new HashMap<>(env);
      merged.putAll(request.env());
      variables = merged;
    }
    Duration deadline = request.timeout() != null ? request.timeout() : timeout;
    List<LogLine> logs = Collections.synchronizedList(new ArrayList<>());
    LogSink sink =
        entry ->
            logs.add(new LogLine(entry.severity() == LogEntry.Severity.ERROR, entry.message()));
    Supplier<LogSink> sinks = () -> sink;
    Invoker invoker =
        new Invoker(function, new InvokerSettings(deadline, maxBodyBytes, variables, sinks));

    MemoryExchange exchange = new MemoryExchange(request);
    Thread thread = new Thread(() -> invoker.invoke(exchange), "fnkit-test-invocation");
    thread.setDaemon(true);
    thread.start();
    MemoryExchange.Answer answer;
    try {
      answer =
          deadline.isZero()
              ? exchange.answer().get()
              : exchange.answer().get(deadline.toMillis() + 10_000, TimeUnit.MILLISECONDS);
      // The log is complete once the invocation has ended (or was abandoned and closed).
      thread.join(deadline.isZero() ? 0 : 1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + request, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("no answer to " + request, e);
    }
    synchronized (logs) {
      return new TestResponse(
          answer.status(),
          answer.headers().toMap(),
          answer.body(),
          answer.aborted(),
          List.copyOf(logs));
    }
  }

  /** Shorthand for {@code call(TestRequest.get(target))}. */
  public TestResponse get(String target) {
    return call(TestRequest.get(target));
  }

  static Charset charsetOf(String contentType) {
    return ContentTypes.charsetOf(contentType).orElse(StandardCharsets.UTF_8);
  }
}
