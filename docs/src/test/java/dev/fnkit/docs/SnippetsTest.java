package dev.fnkit.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```java} block in the guide and the README is a complete source file, compiled here
 * against the SDK, the testkit and JUnit, so the documentation cannot drift from the API.
 */
class SnippetsTest {
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TYPE =
      Pattern.compile(
          "^(?:public\\s+)?(?:final\\s+)?(?:class|record|interface)\\s+(\\w+)", Pattern.MULTILINE);

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetCompiles() throws IOException {
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    List<Path> pages = new ArrayList<>();
    pages.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path page : pages) {
      Matcher block = BLOCK.matcher(Files.readString(page));
      List<String> sources = new ArrayList<>();
      while (block.find()) {
        sources.add(block.group(1));
      }
      if (!sources.isEmpty()) {
        tests.add(
            DynamicTest.dynamicTest(
                root.relativize(page) + " (" + sources.size() + " snippets)",
                () -> compiles(sources)));
      }
    }
    assertFalse(tests.isEmpty(), "no snippets found");
    return tests.stream();
  }

  private static void compiles(List<String> sources) throws IOException {
    Path dir = Files.createTempDirectory("snippets");
    List<Path> files = new ArrayList<>();
    for (String source : sources) {
      Matcher type = TYPE.matcher(source);
      if (!type.find()) {
        throw new AssertionError(
            "a snippet must be a whole file with a top-level type:\n" + source);
      }
      Path file = dir.resolve(type.group(1) + ".java");
      Files.writeString(file, source);
      files.add(file);
    }
    StringWriter errors = new StringWriter();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    boolean compiled =
        javac
            .getTask(
                errors,
                null,
                null,
                List.of(
                    "-d",
                    dir.resolve("classes").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "--release",
                    "17",
                    "-proc:none"),
                null,
                javac
                    .getStandardFileManager(null, null, null)
                    .getJavaFileObjects(files.toArray(Path[]::new)))
            .call();
    assertTrue(compiled, () -> "snippets do not compile:\n" + errors);
  }
}
