package dev.fnkit.runtime;

import static dev.fnkit.runtime.testing.FunctionSources.compile;
import static dev.fnkit.runtime.testing.FunctionSources.httpFunction;
import static dev.fnkit.runtime.testing.FunctionSources.jar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import dev.fnkit.runtime.testing.FunctionSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionLoaderTest {
  private final FunctionLoader loader = new FunctionLoader("FUNCTION_ENTRYPOINT");

  @TempDir Path dir;

  @Test
  void loadsTheOnlyFunctionOfAClassesDirectory() throws Exception {
    Path classes =
        compile(
            dir.resolve("classes"),
            Map.of(
                "com.example.Hello",
                httpFunction("com.example.Hello", "hi"),
                "com.example.Helper",
                "package com.example; public class Helper {}"));

    LoadedFunction function = loader.load(classes, null);

    assertThat(function.name()).isEqualTo("com.example.Hello");
    assertThat(function.classLoader()).isInstanceOf(FunctionClassLoader.class);
  }

  @Test
  void loadsTheEntrypointTheJarManifestNames() throws Exception {
    Path classes =
        compile(
            dir.resolve("classes"),
            Map.of(
                "com.example.A", httpFunction("com.example.A", "a"),
                "com.example.B", httpFunction("com.example.B", "b")));
    Path jar =
        jar(dir.resolve("pkg/function.jar"), classes, Map.of("Fnkit-Function", "com.example.B"));

    assertThat(loader.load(jar, null).name()).isEqualTo("com.example.B");
    assertThat(loader.load(dir.resolve("pkg"), null).name()).isEqualTo("com.example.B");
  }

  @Test
  void loadsTheEntrypointNamedInServiceFiles() throws Exception {
    Path classes =
        compile(
            dir.resolve("classes"),
            Map.of(
                "com.example.A", httpFunction("com.example.A", "a"),
                "com.example.B", httpFunction("com.example.B", "b")));
    FunctionSources.write(
        classes.resolve("META-INF/services/dev.fnkit.sdk.HttpFunction"),
        "# the one\ncom.example.A\n");

    assertThat(loader.load(classes, null).name()).isEqualTo("com.example.A");
  }

  @Test
  void explicitEntrypointWinsOverTheManifest() throws Exception {
    Path classes =
        compile(
            dir.resolve("classes"),
            Map.of(
                "com.example.A", httpFunction("com.example.A", "a"),
                "com.example.B", httpFunction("com.example.B", "b")));
    Path jar = jar(dir.resolve("f.jar"), classes, Map.of("Fnkit-Function", "com.example.B"));

    assertThat(loader.load(jar, "com.example.A").name()).isEqualTo("com.example.A");
  }

  @Test
  void anEntrypointCanBeASourcePathAsOpenRuntimesPassesIt() throws Exception {
    Path classes =
        compile(
            dir.resolve("classes"),
            Map.of(
                "com.example.Hello", httpFunction("com.example.Hello", "hi"),
                "com.example.Other", httpFunction("com.example.Other", "other"),
                "Tests", httpFunction("x.Tests", "tests").replace("package x;", "")));

    assertThat(loader.load(classes, "src/main/java/com/example/Hello.java").name())
        .isEqualTo("com.example.Hello");
    assertThat(loader.load(classes, "Tests.java").name()).isEqualTo("Tests");
    assertThat(loader.load(classes, "./src/com/example/Other.java").name())
        .isEqualTo("com.example.Other");
    // Only the simple name matches: the one function class of that name is meant.
    assertThat(loader.load(classes, "functions/Hello.java").name()).isEqualTo("com.example.Hello");
    assertThatThrownBy(() -> loader.load(classes, "Missing.java"))
        .hasMessageStartingWith("FUNCTION_ENTRYPOINT=Missing.java: no such class in ");
  }

  @Test
  void unknownEntrypointNamesItAndListsWhatWasFound() {
    Path classes =
        compile(dir.resolve("classes"), Map.of("com.x.Hola", httpFunction("com.x.Hola", "hola")));

    assertThatThrownBy(() -> loader.load(classes, "com.x.Hello"))
        .isInstanceOf(FunctionLoadException.class)
        .hasMessage(
            "FUNCTION_ENTRYPOINT=com.x.Hello: no such class in "
                + classes
                + " (found: com.x.Hola)");
  }

  @Test
  void classThatIsNotAFunctionIsRefusedByName() {
    Path classes =
        compile(
            dir.resolve("classes"),
            Map.of(
                "com.x.Plain",
                "package com.x; public class Plain {}",
                "com.x.Hello",
                httpFunction("com.x.Hello", "hi")));

    assertThatThrownBy(() -> loader.load(classes, "com.x.Plain"))
        .isInstanceOf(FunctionLoadException.class)
        .hasMessage(
            "com.x.Plain is not a function: it implements neither dev.fnkit.sdk.HttpFunction nor"
                + " dev.fnkit.sdk.TypedFunction");
  }

  @Test
  void severalFunctionsWithoutAChoiceListThemAll() {
    Path classes =
        compile(
            dir.resolve("classes"),
            Map.of(
                "com.x.A", httpFunction("com.x.A", "a"),
                "com.x.B", httpFunction("com.x.B", "b")));

    assertThatThrownBy(() -> loader.load(classes, null))
        .hasMessage(
            "several functions found in "
                + classes
                + ": com.x.A, com.x.B; choose one with FUNCTION_ENTRYPOINT");
  }

  @Test
  void noFunctionAtAllSaysSo() {
    Path classes =
        compile(
            dir.resolve("classes"), Map.of("com.x.Plain", "package com.x; public class Plain {}"));

    assertThatThrownBy(() -> loader.load(classes, null))
        .hasMessage(
            "no function found in "
                + classes
                + ": no public class implements dev.fnkit.sdk.HttpFunction or"
                + " dev.fnkit.sdk.TypedFunction");
  }

  @Test
  void missingPathAndEmptyDirectoryAreExplained() throws Exception {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> loader.load(missing, null))
        .hasMessage(missing + ": no such file or directory");

    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> loader.load(empty, null))
        .hasMessage(empty + ": contains no .class files and no jars; build the function first");
  }

  @Test
  void constructorFailureIsReportedWithItsCause() {
    Path classes =
        compile(
            dir.resolve("classes"),
            Map.of(
                "com.x.Broken",
                "package com.x; public class Broken implements dev.fnkit.sdk.HttpFunction {\n"
                    + "  public Broken() { throw new IllegalStateException(\"no database\"); }\n"
                    + "  public void handle(dev.fnkit.sdk.Request q, dev.fnkit.sdk.Response r) {}\n"
                    + "}\n"));

    assertThatThrownBy(() -> loader.load(classes, null))
        .hasMessage(
            "com.x.Broken: constructor failed: java.lang.IllegalStateException: no database");
  }

  @Test
  void functionWithoutNoArgumentConstructorIsRefused() {
    Path classes =
        compile(
            dir.resolve("classes"),
            Map.of(
                "com.x.Needs",
                "package com.x; public class Needs implements dev.fnkit.sdk.HttpFunction {\n"
                    + "  public Needs(String s) {}\n"
                    + "  public void handle(dev.fnkit.sdk.Request q, dev.fnkit.sdk.Response r) {}\n"
                    + "}\n"));

    assertThatThrownBy(() -> loader.load(classes, "com.x.Needs"))
        .hasMessage("com.x.Needs has no public no-argument constructor");
  }

  @Test
  void functionSeesItsLibrariesButNotTheRuntimesClasses() throws Exception {
    Path gsonJar = FunctionSources.location(Gson.class);
    String probe =
        "package com.x; public class Probe implements dev.fnkit.sdk.HttpFunction {\n"
            + "  public void handle(dev.fnkit.sdk.Request q, dev.fnkit.sdk.Response r) throws Exception {\n"
            + "    r.send(Class.forName(q.queryParam(\"class\").get()).getClassLoader().getName());\n"
            + "  }\n"
            + "}\n";
    Path withLib = dir.resolve("with-lib");
    Path classes = compile(dir.resolve("classes"), Map.of("com.x.Probe", probe));
    jar(withLib.resolve("probe.jar"), classes, Map.of());
    Files.createDirectories(withLib.resolve("lib"));
    Files.copy(gsonJar, withLib.resolve("lib/gson.jar"));

    LoadedFunction function = loader.load(withLib, null);
    Class<?> ownGson = Class.forName("com.google.gson.Gson", false, function.classLoader());
    assertThat(ownGson).isNotSameAs(Gson.class);
    assertThat(ownGson.getClassLoader()).isSameAs(function.classLoader());

    LoadedFunction withoutLib = loader.load(classes, null);
    assertThatThrownBy(() -> Class.forName("com.google.gson.Gson", false, withoutLib.classLoader()))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(
            () -> Class.forName(Invoker.class.getName(), false, withoutLib.classLoader()))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(Class.forName("dev.fnkit.sdk.Request", false, withoutLib.classLoader()))
        .isSameAs(dev.fnkit.sdk.Request.class);
  }

  @Test
  void typedFunctionWithoutConcreteInputTypeIsRefusedAtLoad() {
    Path classes =
        compile(
            dir.resolve("classes"),
            Map.of(
                "com.x.Raw",
                "package com.x; @SuppressWarnings(\"rawtypes\") public class Raw implements"
                    + " dev.fnkit.sdk.TypedFunction {\n"
                    + "  public Object apply(Object in, dev.fnkit.sdk.Request r) { return in; }\n"
                    + "}\n"));

    assertThatThrownBy(() -> loader.load(classes, null))
        .isInstanceOf(FunctionLoadException.class)
        .hasMessageContaining("cannot tell the input type of TypedFunction");
  }
}
