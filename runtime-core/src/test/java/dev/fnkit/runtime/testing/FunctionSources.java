package dev.fnkit.runtime.testing;

import dev.fnkit.sdk.HttpFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles function sources and packs jars at test time, the way a function's build would. */
public final class FunctionSources {
  private FunctionSources() {}

  /**
   * Compiles {@code sources} (class name to source text) against the SDK and {@code classpath} into
   * {@code output}.
   */
  public static Path compile(Path output, Map<String, String> sources, Path... classpath) {
    try {
      Path sourceRoot = Files.createTempDirectory("fnkit-src");
      List<String> files = new ArrayList<>();
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue());
        files.add(file.toString());
      }
      Files.createDirectories(output);
      StringBuilder path = new StringBuilder(location(HttpFunction.class).toString());
      for (Path entry : classpath) {
        path.append(java.io.File.pathSeparator).append(entry);
      }
      List<String> args = new ArrayList<>(List.of("-d", output.toString(), "-cp", path.toString()));
      args.add("--release");
      args.add("17");
      args.addAll(files);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      int status = javac.run(null, null, null, args.toArray(String[]::new));
      if (status != 0) {
        throw new IllegalStateException("compilation failed: " + sources.keySet());
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Packs {@code classes} into {@code jar} with the given manifest attributes. */
  public static Path jar(Path jar, Path classes, Map<String, String> manifest) {
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.forEach((name, value) -> mf.getMainAttributes().putValue(name, value));
    try {
      Files.createDirectories(jar.getParent());
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
          Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          String name = classes.relativize(file).toString().replace('\\', '/');
          if (name.equals("META-INF/MANIFEST.MF")) {
            continue;
          }
          out.putNextEntry(new JarEntry(name));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jar or directory a class was loaded from. */
  public static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A minimal HttpFunction source: answers {@code body} as text. */
  public static String httpFunction(String className, String body) {
    int dot = className.lastIndexOf('.');
    return "package "
        + className.substring(0, dot)
        + ";\n"
        + "public class "
        + className.substring(dot + 1)
        + " implements dev.fnkit.sdk.HttpFunction {\n"
        + "  public void handle(dev.fnkit.sdk.Request request, dev.fnkit.sdk.Response response) {\n"
        + "    response.send(\""
        + body
        + "\");\n"
        + "  }\n"
        + "}\n";
  }

  /** Writes a text file, creating its directories. */
  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
