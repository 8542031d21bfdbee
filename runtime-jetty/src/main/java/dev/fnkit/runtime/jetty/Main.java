package dev.fnkit.runtime.jetty;

import dev.fnkit.runtime.CodeArchive;
import dev.fnkit.runtime.ConsoleCapture;
import dev.fnkit.runtime.FunctionLoadException;
import dev.fnkit.runtime.FunctionLoader;
import dev.fnkit.runtime.Invoker;
import dev.fnkit.runtime.InvokerSettings;
import dev.fnkit.runtime.JsonLinesLogSink;
import dev.fnkit.runtime.LoadedFunction;
import dev.fnkit.runtime.LogSink;
import dev.fnkit.runtime.Protocol;
import dev.fnkit.runtime.openruntimes.OpenRuntimesProtocol;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import sun.misc.Signal;

/**
 * {@code java -jar fnkit-runtime.jar}: loads the configured function and serves it until SIGTERM or
 * SIGINT, then shuts down gracefully and exits 0.
 *
 * <p>Exit codes: 0 after a graceful stop, 1 when the function cannot be loaded (plain mode) or the
 * server cannot start, 2 for a configuration mistake. In Open Runtimes mode a function that cannot
 * be loaded does not stop the server: every invocation answers 503 instead.
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
    boolean openRuntimes = config.openRuntimes() != null;
    LoadedFunction function = null;
    String loadFailure = null;
    try {
      function =
          new FunctionLoader(
                  openRuntimes ? "OPEN_RUNTIMES_ENTRYPOINT" : RuntimeConfig.ENTRYPOINT.variable())
              .load(codeDirectory(config.code()), config.entrypoint());
    } catch (FunctionLoadException e) {
      if (!openRuntimes) {
        exit(1, e.getMessage());
        return;
      }
      loadFailure = e.getMessage();
      ConsoleCapture.originalErr().println("fnkit: " + loadFailure);
    }

    Protocol protocol;
    String serving;
    if (openRuntimes) {
      protocol =
          function == null
              ? OpenRuntimesProtocol.failedToLoad(config.openRuntimes(), loadFailure)
              : OpenRuntimesProtocol.serving(
                  config.openRuntimes(),
                  new Invoker(
                      function,
                      new InvokerSettings(
                          config.timeout(),
                          config.maxBodyBytes(),
                          env,
                          () -> entry -> {}, // each request brings its own log files
                          500,
                          OpenRuntimesProtocol.TIMEOUT_MESSAGE)));
      serving = (function == null ? "nothing (load failed)" : function.name()) + " (Open Runtimes)";
    } else {
      LogSink stdout = new JsonLinesLogSink(out);
      Invoker invoker =
          new Invoker(
              function,
              new InvokerSettings(config.timeout(), config.maxBodyBytes(), env, () -> stdout));
      protocol = invoker::invoke;
      serving = function.name();
    }

    FunctionServer server;
    try {
      server = FunctionServer.start(config, protocol);
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
            + serving
            + " on port "
            + server.port()
            + " (started in "
            + millis
            + " ms"
            + (server.usesVirtualThreads() ? ", virtual threads" : "")
            + ")");
    if (openRuntimes) {
      // The executor's start timing waits for this line; it is printed once the port accepts.
      out.println("HTTP server successfully started!");
    }
    out.flush();
  }

  /**
   * The directory to load from: {@code code} itself, or where its {@code code.tar.gz} (the Open
   * Runtimes build output) is unpacked.
   */
  static Path codeDirectory(Path code) throws FunctionLoadException {
    Path archive = code;
    if (Files.isDirectory(code)) {
      archive = code.resolve("code.tar.gz");
      if (!CodeArchive.isArchive(archive) || hasCode(code)) {
        return code;
      }
    } else if (!CodeArchive.isArchive(code)) {
      return code;
    }
    try {
      Path target = Files.createTempDirectory("fnkit-code");
      CodeArchive.extract(archive, target);
      return target;
    } catch (IOException e) {
      throw new FunctionLoadException("cannot unpack " + archive + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasCode(Path directory) throws FunctionLoadException {
    try (Stream<Path> files = Files.walk(directory, 2)) {
      return files.anyMatch(
          file -> file.toString().endsWith(".class") || file.toString().endsWith(".jar"));
    } catch (IOException e) {
      throw new FunctionLoadException(directory + ": cannot be read: " + e.getMessage(), e);
    }
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
