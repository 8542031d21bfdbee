package dev.fnkit.runtime.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeConfigTest {

  @Test
  void defaultsServeOn8080FromMntCode() throws Exception {
    RuntimeConfig config = RuntimeConfig.parse(List.of(), Map.of());

    assertThat(config)
        .isEqualTo(
            new RuntimeConfig(
                "0.0.0.0",
                8080,
                Path.of("/mnt/code"),
                null,
                Duration.ofSeconds(300),
                20L * 1024 * 1024,
                Duration.ofSeconds(10)));
  }

  @Test
  void variablesSetValuesAndFlagsWinOverThem() throws Exception {
    RuntimeConfig config =
        RuntimeConfig.parse(
            List.of("--port=9000", "--timeout", "1500ms", "--code", "build/fn.jar"),
            Map.of(
                "PORT", "7000",
                "FUNCTION_TIMEOUT", "5m",
                "FUNCTION_ENTRYPOINT", "com.x.Hello",
                "FUNCTION_MAX_BODY", "1MiB",
                "FUNCTION_SHUTDOWN_GRACE", "2h"));

    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.code()).isEqualTo(Path.of("build/fn.jar"));
    assertThat(config.entrypoint()).isEqualTo("com.x.Hello");
    assertThat(config.maxBodyBytes()).isEqualTo(1 << 20);
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void sizesAndDurationsAcceptTheDocumentedForms() throws Exception {
    assertThat(RuntimeConfig.parse(List.of("--max-body=512KB"), Map.of()).maxBodyBytes())
        .isEqualTo(512_000);
    assertThat(RuntimeConfig.parse(List.of("--max-body=2GiB"), Map.of()).maxBodyBytes())
        .isEqualTo(2L << 30);
    assertThat(RuntimeConfig.parse(List.of("--timeout=0"), Map.of()).timeout()).isZero();
    assertThat(RuntimeConfig.parse(List.of("--timeout=45"), Map.of()).timeout()).hasSeconds(45);
  }

  @Test
  void aBadValueIsOneLineNamingTheVariableAndTheExpectedForm() {
    assertThatThrownBy(() -> RuntimeConfig.parse(List.of(), Map.of("PORT", "http")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("PORT=http: expected a port number from 0 to 65535");
    assertThatThrownBy(() -> RuntimeConfig.parse(List.of(), Map.of("FUNCTION_TIMEOUT", "soon")))
        .hasMessage(
            "FUNCTION_TIMEOUT=soon: expected a duration such as 500ms, 30s, 5m or 1h (0 for none)");
    assertThatThrownBy(() -> RuntimeConfig.parse(List.of("--max-body=lots"), Map.of()))
        .hasMessage("--max-body=lots: expected a size such as 1048576, 512KiB, 20MiB or 1GiB");
    assertThatThrownBy(() -> RuntimeConfig.parse(List.of("--port=70000"), Map.of()))
        .hasMessage("--port=70000: expected a port number from 0 to 65535");
  }

  @Test
  void openRuntimesModeTakesTheProtocolsDefaultsAndVariables() throws Exception {
    RuntimeConfig config =
        RuntimeConfig.parse(
            List.of(),
            Map.of(
                "FUNCTION_PROTOCOL", "open-runtimes",
                "OPEN_RUNTIMES_ENTRYPOINT", "src/main/java/com/example/Hello.java",
                "OPEN_RUNTIMES_SECRET", "s3cret",
                "OPEN_RUNTIMES_ENV", "development",
                "OPEN_RUNTIMES_HEADERS",
                    "{\"x-custom\":\"value\",\"X-CUSTOM-UPPERCASE\":\"Value2\",\"x-open-runtimes-custom\":248}"));

    assertThat(config.port()).isEqualTo(3000);
    assertThat(config.code()).isEqualTo(Path.of("/mnt/code"));
    assertThat(config.entrypoint()).isEqualTo("src/main/java/com/example/Hello.java");
    assertThat(config.openRuntimes().secret()).isEqualTo("s3cret");
    assertThat(config.openRuntimes().development()).isTrue();
    assertThat(config.openRuntimes().logsDir()).isEqualTo(Path.of("/mnt/logs"));
    assertThat(config.openRuntimes().telemetryDir()).isEqualTo(Path.of("/mnt/telemetry"));
    assertThat(config.openRuntimes().enforcedHeaders())
        .containsExactly(
            Map.entry("x-custom", "value"),
            Map.entry("x-custom-uppercase", "Value2"),
            Map.entry("x-open-runtimes-custom", "248"));

    RuntimeConfig overridden =
        RuntimeConfig.parse(
            List.of("--protocol=open-runtimes", "--logs-dir=/tmp/l", "--port=0"),
            Map.of("OPEN_RUNTIMES_HEADERS", "{}"));
    assertThat(overridden.port()).isZero();
    assertThat(overridden.openRuntimes().logsDir()).isEqualTo(Path.of("/tmp/l"));
    assertThat(overridden.openRuntimes().enforcedHeaders()).isEmpty();
    assertThat(overridden.openRuntimes().secret()).isEmpty();
    assertThat(RuntimeConfig.parse(List.of(), Map.of()).openRuntimes()).isNull();
  }

  @Test
  void badOpenRuntimesValuesAreOneLineErrors() {
    assertThatThrownBy(() -> RuntimeConfig.parse(List.of("--protocol=grpc"), Map.of()))
        .hasMessage("--protocol=grpc: expected plain or open-runtimes");
    assertThatThrownBy(
            () ->
                RuntimeConfig.parse(
                    List.of("--protocol=open-runtimes"), Map.of("OPEN_RUNTIMES_HEADERS", "[1]")))
        .hasMessage(
            "OPEN_RUNTIMES_HEADERS=[1]: expected a JSON object such as {\"x-custom\":\"value\"}");
    assertThatThrownBy(
            () ->
                RuntimeConfig.parse(
                    List.of("--protocol=open-runtimes"), Map.of("OPEN_RUNTIMES_ENV", "staging")))
        .hasMessage("OPEN_RUNTIMES_ENV=staging: expected production or development");
  }

  @Test
  void unknownArgumentsAndMissingValuesAreRefused() {
    assertThatThrownBy(() -> RuntimeConfig.parse(List.of("--prot=1"), Map.of()))
        .hasMessage("unknown argument --prot=1; run with --help for the list of flags");
    assertThatThrownBy(() -> RuntimeConfig.parse(List.of("--port"), Map.of()))
        .hasMessage("--port needs a value (0-65535)");
  }

  @Test
  void usageListsEveryFlagWithItsVariable() {
    String usage = RuntimeConfig.usage();
    for (RuntimeConfig.Setting setting : RuntimeConfig.SETTINGS) {
      assertThat(usage).contains(setting.flag()).contains(setting.variable());
    }
  }
}
