package dev.fnkit.runtime.jetty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code java -jar fnkit-runtime.jar ...} as a child process, with its output collected. */
final class RuntimeProcess implements AutoCloseable {
  private static final Pattern STARTED = Pattern.compile("fnkit: serving (.+) on port (\\d+) .*");

  final Process process;
  final List<String> stdout = new CopyOnWriteArrayList<>();
  final List<String> stderr = new CopyOnWriteArrayList<>();

  private final Thread stdoutReader;
  private final Thread stderrReader;

  private RuntimeProcess(Process process) {
    this.process = process;
    stdoutReader = drain(process.getInputStream(), stdout);
    stderrReader = drain(process.getErrorStream(), stderr);
  }

  static Path runtimeJar() {
    Path jar = Path.of(System.getProperty("fnkit.runtime.jar", "target/fnkit-runtime.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing; run the integration tests with Maven");
    }
    return jar;
  }

  static RuntimeProcess start(String java, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(java, "-jar", runtimeJar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("PORT");
    builder.environment().putAll(env);
    return new RuntimeProcess(builder.start());
  }

  static RuntimeProcess start(Map<String, String> env, String... args) throws IOException {
    return start(Path.of(System.getProperty("java.home"), "bin", "java").toString(), env, args);
  }

  /** Waits for the startup line and returns the port it names. */
  int awaitPort() throws InterruptedException {
    String line = awaitStdout(l -> STARTED.matcher(l).matches(), 20);
    Matcher matcher = STARTED.matcher(line);
    if (!matcher.matches()) {
      throw new AssertionError(line);
    }
    return Integer.parseInt(matcher.group(2));
  }

  String awaitStdout(Predicate<String> wanted, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      for (String line : stdout) {
        if (wanted.test(line)) {
          return line;
        }
      }
      if (!process.isAlive() && stdout.stream().noneMatch(wanted)) {
        throw new AssertionError(
            "runtime exited with "
                + process.exitValue()
                + "; stdout "
                + stdout
                + " stderr "
                + stderr);
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "no such line within " + seconds + " s; stdout " + stdout + " stderr " + stderr);
  }

  /**
   * Sends SIGTERM as an orchestrator does. ({@link Process#destroy()} would also close the pipes,
   * losing what the process prints while it shuts down.)
   */
  void terminate() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -TERM " + process.pid() + " failed");
    }
  }

  /** Waits for the process to exit and for all of its output to be read. */
  int awaitExit(int seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("runtime still running after " + seconds + " s");
    }
    stdoutReader.join(5_000);
    stderrReader.join(5_000);
    return process.exitValue();
  }

  private static Thread drain(java.io.InputStream stream, List<String> lines) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (IOException closed) {
                // The process ended.
              }
            });
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
