package dev.fnkit.runtime.jetty;

import dev.fnkit.runtime.ConsoleCapture;
import dev.fnkit.runtime.FunctionLoadException;
import dev.fnkit.runtime.FunctionLoader;
import dev.fnkit.runtime.Invoker;
import dev.fnkit.runtime.InvokerSettings;
import dev.fnkit.runtime.JsonLinesLogSink;
import dev.fnkit.runtime.LoadedFunction;
import dev.fnkit.runtime.LogSink;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import sun.misc.Signal;

/**
 * {@code java -jar fnkit-runtime.jar}: loads the configured function and serves it until SIGTERM or
 * SIGINT, then shuts down gracefully and exits 0.
 *
 * <p>Exit codes: 0 after a graceful stop, 1 when the function cannot be loaded or the server cannot
 * start, 2 for a configuration mistake.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    List<String> arguments = Arrays.asList(args);
    if (RuntimeConfig.wantsHelp(arguments)) {
      System.out.print(RuntimeConfig.usage());
      return;
    }
    Map<String, String> env = System.getenv();
    RuntimeConfig config;
    try {
      config = RuntimeConfig.parse(arguments, env);
    } catch (ConfigException e) {
      exit(2, e.getMessage());
      return;
    }

    ConsoleCapture.install();
    PrintStream out = ConsoleCapture.originalOut();
    LoadedFunction function;
    try {
      function =
          new FunctionLoader(RuntimeConfig.ENTRYPOINT.variable())
              .load(config.code(), config.entrypoint());
    } catch (FunctionLoadException e) {
      exit(1, e.getMessage());
      return;
    }
    LogSink stdout = new JsonLinesLogSink(out);
    Invoker invoker =
        new Invoker(
            function,
            new InvokerSettings(config.timeout(), config.maxBodyBytes(), env, () -> stdout, 504));
    FunctionServer server;
    try {
      server = FunctionServer.start(config, invoker);
    } catch (Exception e) {
      exit(1, "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage());
      return;
    }
    Runnable shutdown = () -> stop(server);
    Signal.handle(new Signal("TERM"), signal -> new Thread(shutdown, "fnkit-shutdown").start());
    Signal.handle(new Signal("INT"), signal -> new Thread(shutdown, "fnkit-shutdown").start());

    // The JVM's own uptime: a process start time would include whatever ran before an exec.
    long millis = ManagementFactory.getRuntimeMXBean().getUptime();
    out.println(
        "fnkit: serving "
            + function.name()
            + " on port "
            + server.port()
            + " (started in "
            + millis
            + " ms"
            + (server.usesVirtualThreads() ? ", virtual threads" : "")
            + ")");
    out.flush();
  }

  private static void stop(FunctionServer server) {
    PrintStream out = ConsoleCapture.originalOut();
    out.println("fnkit: stopping; in-flight invocations may finish");
    out.flush();
    try {
      server.stop();
      out.println("fnkit: stopped");
      out.flush();
      System.exit(0);
    } catch (Exception e) {
      ConsoleCapture.originalErr().println("fnkit: shutdown failed: " + e);
      System.exit(1);
    }
  }

  private static void exit(int status, String message) {
    ConsoleCapture.originalErr().println("fnkit: " + message);
    System.exit(status);
  }
}
