package dev.fnkit.runtime;

import dev.fnkit.sdk.HttpFunction;
import dev.fnkit.sdk.TypedFunction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Loads a function from a path: a classes directory, a jar, or a directory holding the function's
 * jar(s) and a {@code lib/} of dependency jars, each in its own {@link FunctionClassLoader}.
 *
 * <p>The entrypoint is, in order: the one configured (a class name, or a source path such as {@code
 * src/main/java/com/example/Hello.java}); the one the function's jar or classes name (manifest
 * attribute {@value #MANIFEST_ATTRIBUTE}, or {@code META-INF/services/} for {@code
 * HttpFunction}/{@code TypedFunction}); the single function class found.
 */
public final class FunctionLoader {
  /** The jar manifest attribute that names a function's entrypoint class. */
  public static final String MANIFEST_ATTRIBUTE = "Fnkit-Function";

  private static final List<String> SERVICE_FILES =
      List.of(
          "META-INF/services/" + HttpFunction.class.getName(),
          "META-INF/services/" + TypedFunction.class.getName());

  private final String entrypointSetting;

  /**
   * @param entrypointSetting how users set the entrypoint (e.g. {@code FUNCTION_ENTRYPOINT}), named
   *     in error messages
   */
  public FunctionLoader(String entrypointSetting) {
    this.entrypointSetting = entrypointSetting;
  }

  /**
   * Loads and instantiates the function.
   *
   * @param code the function's classes directory, jar, or package directory
   * @param entrypoint the class name to load, or {@code null} to find it
   * @throws FunctionLoadException with a one-line message when anything is wrong
   */
  public LoadedFunction load(Path code, String entrypoint) throws FunctionLoadException {
    List<Path> roots = functionRoots(code);
    List<URL> urls = new ArrayList<>();
    for (Path root : roots) {
      urls.add(url(root));
    }
    for (Path lib : libraries(code)) {
      urls.add(url(lib));
    }
    FunctionClassLoader loader =
        new FunctionClassLoader(
            "fnkit-function", urls.toArray(URL[]::new), HttpFunction.class.getClassLoader());
    String className =
        entrypoint != null && !entrypoint.isBlank()
            ? entrypoint.trim()
            : declaredOrSingle(code, roots, loader);
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      type = bySourcePath(className, roots, loader);
    }
    if (type == null) {
      throw new FunctionLoadException(
          entrypointSetting
              + "="
              + className
              + ": no such class in "
              + code
              + " (found: "
              + describe(candidates(roots, loader))
              + ")");
    }
    return instantiate(type, loader);
  }

  private static final List<String> SOURCE_ROOTS =
      List.of("src/main/java/", "src/main/kotlin/", "src/java/", "src/", "java/");

  /**
   * An entrypoint given as a source path ({@code Tests.java}, {@code src/main/java/a/B.java}), as
   * Open Runtimes executors pass it: the class of that path, else the one function class with that
   * simple name; {@code null} when it is not a source path or neither exists.
   */
  private static Class<?> bySourcePath(String entrypoint, List<Path> roots, ClassLoader loader)
      throws FunctionLoadException {
    String path = entrypoint.replace('\\', '/');
    int dot = path.lastIndexOf('.');
    int slash = path.lastIndexOf('/');
    if (dot <= slash || !path.substring(dot + 1).matches("java|kt|groovy|scala")) {
      return null;
    }
    path = path.substring(0, dot);
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    for (String sourceRoot : SOURCE_ROOTS) {
      if (path.startsWith(sourceRoot)) {
        path = path.substring(sourceRoot.length());
        break;
      }
    }
    try {
      return Class.forName(path.replace('/', '.'), false, loader);
    } catch (ClassNotFoundException | LinkageError notThatClass) {
      String simpleName = path.substring(path.lastIndexOf('/') + 1);
      List<String> named =
          candidates(roots, loader).stream()
              .filter(name -> name.substring(name.lastIndexOf('.') + 1).equals(simpleName))
              .toList();
      if (named.size() != 1) {
        return null;
      }
      try {
        return Class.forName(named.get(0), false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return null;
      }
    }
  }

  private LoadedFunction instantiate(Class<?> type, ClassLoader loader)
      throws FunctionLoadException {
    String name = type.getName();
    if (!isFunction(type)) {
      throw new FunctionLoadException(
          name
              + " is not a function: it implements neither "
              + HttpFunction.class.getName()
              + " nor "
              + TypedFunction.class.getName());
    }
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
      throw new FunctionLoadException(name + " must be a public, non-abstract class");
    }
    Constructor<?> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new FunctionLoadException(name + " has no public no-argument constructor");
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return LoadedFunction.of(constructor.newInstance(), loader);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new FunctionLoadException(name + ": constructor failed: " + cause, cause);
    } catch (ExceptionInInitializerError e) {
      throw new FunctionLoadException(
          name + ": static initializer failed: " + e.getCause(), e.getCause());
    } catch (IllegalArgumentException e) {
      throw new FunctionLoadException(e.getMessage());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new FunctionLoadException(name + ": cannot be created: " + e, e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private String declaredOrSingle(Path code, List<Path> roots, ClassLoader loader)
      throws FunctionLoadException {
    TreeSet<String> declared = new TreeSet<>();
    for (Path root : roots) {
      declared.addAll(declared(root));
    }
    if (declared.size() == 1) {
      return declared.first();
    }
    if (declared.size() > 1) {
      throw new FunctionLoadException(
          "several entrypoints declared in "
              + code
              + ": "
              + String.join(", ", declared)
              + "; choose one with "
              + entrypointSetting);
    }
    List<String> found = candidates(roots, loader);
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.isEmpty()) {
      throw new FunctionLoadException(
          "no function found in "
              + code
              + ": no public class implements "
              + HttpFunction.class.getName()
              + " or "
              + TypedFunction.class.getName());
    }
    throw new FunctionLoadException(
        "several functions found in "
            + code
            + ": "
            + String.join(", ", found)
            + "; choose one with "
            + entrypointSetting);
  }

  /** Entrypoints named by a jar's manifest or a root's service files. */
  private static List<String> declared(Path root) throws FunctionLoadException {
    List<String> names = new ArrayList<>();
    try {
      if (Files.isDirectory(root)) {
        Path manifest = root.resolve("META-INF/MANIFEST.MF");
        if (Files.isRegularFile(manifest)) {
          try (InputStream in = Files.newInputStream(manifest)) {
            addAttribute(new Manifest(in), names);
          }
        }
        for (String file : SERVICE_FILES) {
          Path services = root.resolve(file);
          if (Files.isRegularFile(services)) {
            try (InputStream in = Files.newInputStream(services)) {
              addServices(in, names);
            }
          }
        }
      } else {
        try (JarFile jar = new JarFile(root.toFile())) {
          if (jar.getManifest() != null) {
            addAttribute(jar.getManifest(), names);
          }
          for (String file : SERVICE_FILES) {
            JarEntry services = jar.getJarEntry(file);
            if (services != null) {
              try (InputStream in = jar.getInputStream(services)) {
                addServices(in, names);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new FunctionLoadException(root + ": cannot be read: " + e.getMessage(), e);
    }
    return names;
  }

  private static void addAttribute(Manifest manifest, List<String> names) {
    Attributes attributes = manifest.getMainAttributes();
    String value = attributes.getValue(MANIFEST_ATTRIBUTE);
    if (value != null && !value.isBlank()) {
      names.add(value.trim());
    }
  }

  private static void addServices(InputStream in, List<String> names) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      int comment = line.indexOf('#');
      String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
  }

  /** Public, concrete function classes in the function's own code (not its libraries). */
  private static List<String> candidates(List<Path> roots, ClassLoader loader)
      throws FunctionLoadException {
    TreeSet<String> found = new TreeSet<>();
    for (Path root : roots) {
      for (String className : classNames(root)) {
        try {
          Class<?> type = Class.forName(className, false, loader);
          int modifiers = type.getModifiers();
          if (isFunction(type)
              && Modifier.isPublic(modifiers)
              && !Modifier.isAbstract(modifiers)
              && !type.isInterface()) {
            found.add(className);
          }
        } catch (ClassNotFoundException | LinkageError notLoadable) {
          // A class that cannot even be loaded is not a candidate.
        }
      }
    }
    return List.copyOf(found);
  }

  private static boolean isFunction(Class<?> type) {
    return HttpFunction.class.isAssignableFrom(type) || TypedFunction.class.isAssignableFrom(type);
  }

  private static List<String> classNames(Path root) throws FunctionLoadException {
    List<String> names = new ArrayList<>();
    try {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          files
              .filter(file -> file.toString().endsWith(".class"))
              .map(
                  file ->
                      root.relativize(file)
                          .toString()
                          .replace(file.getFileSystem().getSeparator(), "/"))
              .forEach(path -> addClassName(path, names));
        }
      } else {
        try (JarFile jar = new JarFile(root.toFile())) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            addClassName(entries.nextElement().getName(), names);
          }
        }
      }
    } catch (IOException e) {
      throw new FunctionLoadException(root + ": cannot be read: " + e.getMessage(), e);
    }
    return names;
  }

  private static void addClassName(String path, List<String> names) {
    if (!path.endsWith(".class") || path.startsWith("META-INF/")) {
      return;
    }
    String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
    if (name.endsWith("module-info") || name.endsWith("package-info")) {
      return;
    }
    names.add(name);
  }

  private static String describe(List<String> found) {
    return found.isEmpty() ? "no function classes" : String.join(", ", found);
  }

  /** The function's own code: the jar, the top-level jars of a directory, or the directory. */
  private static List<Path> functionRoots(Path code) throws FunctionLoadException {
    if (!Files.exists(code)) {
      throw new FunctionLoadException(code + ": no such file or directory");
    }
    if (Files.isRegularFile(code)) {
      if (!code.getFileName().toString().endsWith(".jar")) {
        throw new FunctionLoadException(
            code + ": not a jar; give a classes directory, a jar, or a directory with jars");
      }
      return List.of(code);
    }
    List<Path> jars = jars(code);
    if (!jars.isEmpty()) {
      return jars;
    }
    if (classNamesQuietly(code).isEmpty()) {
      throw new FunctionLoadException(
          code + ": contains no .class files and no jars; build the function first");
    }
    return List.of(code);
  }

  private static List<Path> classNamesQuietly(Path directory) throws FunctionLoadException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(file -> file.toString().endsWith(".class")).limit(1).toList();
    } catch (IOException e) {
      throw new FunctionLoadException(directory + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static List<Path> libraries(Path code) throws FunctionLoadException {
    Path lib = (Files.isDirectory(code) ? code : code.toAbsolutePath().getParent()).resolve("lib");
    return Files.isDirectory(lib) ? jars(lib) : List.of();
  }

  private static List<Path> jars(Path directory) throws FunctionLoadException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(
              file -> file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new FunctionLoadException(directory + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static URL url(Path path) throws FunctionLoadException {
    try {
      return path.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new FunctionLoadException(path + ": not a valid location: " + e.getMessage(), e);
    }
  }
}
