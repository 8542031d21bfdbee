package dev.fnkit.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's first minutes: generate a project from the installed archetype, build it, serve what it
 * packaged with the real runtime, and refuse bad input at generation time.
 */
class GeneratedProjectTest {
  private static final Path REPOSITORY =
      Path.of(System.getProperty("fnkit.repository", "..")).toAbsolutePath().normalize();
  private static final String VERSION = System.getProperty("fnkit.version", "0.1.0-SNAPSHOT");
  private static final Pattern PORT = Pattern.compile("fnkit: serving .* on port (\\d+) .*");

  @TempDir Path workspace;

  record Result(int exit, String output) {}

  private Result mvn(Path directory, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(REPOSITORY.resolve("mvnw").toString(), "-B"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private Result generate(String artifactId, String pkg) throws Exception {
    return mvn(
        workspace,
        "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate",
        "-DarchetypeGroupId=dev.fnkit",
        "-DarchetypeArtifactId=function-archetype",
        "-DarchetypeVersion=" + VERSION,
        "-DgroupId=com.example",
        "-DartifactId=" + artifactId,
        "-Dpackage=" + pkg,
        "-DinteractiveMode=false");
  }

  @Test
  void aGeneratedProjectTestsPackagesAndIsServedByTheRuntime() throws Exception {
    Result generated = generate("hello", "com.example");
    assertThat(generated.exit()).as(generated.output()).isZero();
    Path project = workspace.resolve("hello");
    assertThat(project.resolve(".gitignore")).content().contains("target/");
    assertThat(project.resolve("README.md")).content().contains("mvn -q package exec:exec");

    Result built = mvn(project, "package");
    assertThat(built.exit()).as(built.output()).isZero();
    assertThat(built.output()).contains("Tests run: 4, Failures: 0, Errors: 0");

    Path function = project.resolve("target/function");
    try (JarFile jar = new JarFile(function.resolve("hello.jar").toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Fnkit-Function"))
          .isEqualTo("com.example.Greeting");
    }
    assertThat(project.resolve("target/code.tar.gz")).isRegularFile();
    assertThat(project.resolve("target/fnkit-runtime.jar")).isRegularFile();

    for (Path code : List.of(function, project.resolve("target/code.tar.gz"))) {
      assertThat(serve(project, code, "/?name=Ada")).isEqualTo("{\"greeting\":\"Hello, Ada!\"}");
    }
  }

  @Test
  void aFunctionBringingItsOwnGsonRunsWithIt() throws Exception {
    assertThat(generate("own-gson", "com.example.gson").exit()).isZero();
    Path project = workspace.resolve("own-gson");
    Path pom = project.resolve("pom.xml");
    Files.writeString(
        pom,
        Files.readString(pom)
            .replace(
                "  </dependencies>",
                "    <dependency>\n"
                    + "      <groupId>com.google.code.gson</groupId>\n"
                    + "      <artifactId>gson</artifactId>\n"
                    + "      <version>2.10.1</version>\n"
                    + "    </dependency>\n"
                    + "  </dependencies>"));
    Files.writeString(
        project.resolve("src/main/java/com/example/gson/Greeting.java"),
        "package com.example.gson;\n"
            + "public final class Greeting implements dev.fnkit.sdk.HttpFunction {\n"
            + "  public void handle(dev.fnkit.sdk.Request q, dev.fnkit.sdk.Response r) {\n"
            + "    String jar = com.google.gson.Gson.class.getProtectionDomain().getCodeSource()\n"
            + "        .getLocation().getPath();\n"
            + "    r.contentType(\"application/json\").send(new com.google.gson.Gson().toJson(\n"
            + "        java.util.Map.of(\"gson\", jar.substring(jar.lastIndexOf('/') + 1))));\n"
            + "  }\n"
            + "}\n");
    Files.delete(project.resolve("src/test/java/com/example/gson/GreetingTest.java"));

    Result built = mvn(project, "package");
    assertThat(built.exit()).as(built.output()).isZero();
    try (var lib = Files.list(project.resolve("target/function/lib"))) {
      assertThat(lib.map(file -> file.getFileName().toString()))
          .contains("gson-2.10.1.jar")
          .noneMatch(name -> name.startsWith("function-sdk"));
    }

    assertThat(serve(project, project.resolve("target/function"), "/"))
        .isEqualTo("{\"gson\":\"gson-2.10.1.jar\"}");
  }

  @Test
  void invalidPackageOrArtifactIdIsRefusedAtGeneration() throws Exception {
    Result badPackage = generate("fine", "com.9example");
    assertThat(badPackage.exit()).isNotZero();
    assertThat(badPackage.output())
        .contains("fnkit: package=com.9example is not valid: expected a Java package name");
    assertThat(workspace.resolve("fine")).doesNotExist();

    Result keyword = generate("fine", "com.example.class");
    assertThat(keyword.exit()).isNotZero();
    assertThat(keyword.output()).contains("a part of it is a Java keyword");

    Result badArtifact = generate("Hello_World", "com.example");
    assertThat(badArtifact.exit()).isNotZero();
    assertThat(badArtifact.output())
        .contains("fnkit: artifactId=Hello_World is not valid: expected lower-case letters");
    assertThat(workspace.resolve("Hello_World")).doesNotExist();
  }

  @Test
  void generatingIntoAnExistingDirectoryFailsAndLeavesItAlone() throws Exception {
    Path existing = Files.createDirectories(workspace.resolve("taken"));
    Files.writeString(existing.resolve("pom.xml"), "<project/>");

    Result result = generate("taken", "com.example");

    assertThat(result.exit()).isNotZero();
    assertThat(result.output()).contains("already exists in the directory");
    assertThat(Files.readString(existing.resolve("pom.xml"))).isEqualTo("<project/>");
    try (var files = Files.list(existing)) {
      assertThat(files).hasSize(1);
    }
  }

  /** Starts the packaged runtime on {@code code}, answers one GET, and stops it. */
  private String serve(Path project, Path code, String target) throws Exception {
    Process runtime =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                project.resolve("target/fnkit-runtime.jar").toString(),
                "--code",
                code.toString(),
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(runtime.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      int port = -1;
      while (port < 0 && (line = out.readLine()) != null) {
        Matcher matcher = PORT.matcher(line);
        if (matcher.matches()) {
          port = Integer.parseInt(matcher.group(1));
        }
      }
      assertThat(port).as("the runtime's startup line").isPositive();
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new AssertionError("runtime failed", e);
    } finally {
      runtime.destroy();
      runtime.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
