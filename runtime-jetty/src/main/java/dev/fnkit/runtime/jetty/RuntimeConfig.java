package dev.fnkit.runtime.jetty;

import dev.fnkit.runtime.openruntimes.OpenRuntimesConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime's configuration: one immutable value parsed at startup from command-line flags
 * ({@code --port=8080} or {@code --port 8080}) and environment variables; a flag wins over its
 * variable.
 *
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param code the function's classes directory, jar, or package directory
 * @param entrypoint the function class, or {@code null} to find it
 * @param timeout the per-invocation deadline; zero for none
 * @param maxBodyBytes the largest request body accepted
 * @param shutdownGrace how long in-flight invocations may run on after SIGTERM
 * @param openRuntimes the Open Runtimes settings when that protocol is chosen, else {@code null}
 */
public record RuntimeConfig(
    String host,
    int port,
    Path code,
    String entrypoint,
    Duration timeout,
    long maxBodyBytes,
    Duration shutdownGrace,
    OpenRuntimesConfig openRuntimes) {

  /** A plain-HTTP configuration. */
  public RuntimeConfig(
      String host,
      int port,
      Path code,
      String entrypoint,
      Duration timeout,
      long maxBodyBytes,
      Duration shutdownGrace) {
    this(host, port, code, entrypoint, timeout, maxBodyBytes, shutdownGrace, null);
  }

  /** One configuration setting: its flag, its variable, its default and what it means. */
  record Setting(String flag, String variable, String defaultValue, String form, String meaning) {}

  static final Setting PORT =
      new Setting("--port", "PORT", "8080", "0-65535", "port to listen on (0 picks a free port)");
  static final Setting HOST =
      new Setting("--host", "FUNCTION_HOST", "0.0.0.0", "address", "address to listen on");
  static final Setting CODE =
      new Setting(
          "--code",
          "FUNCTION_CODE",
          "/mnt/code",
          "path",
          "the function: a classes directory, a jar, or a directory with jars and lib/");
  static final Setting ENTRYPOINT =
      new Setting(
          "--entrypoint",
          "FUNCTION_ENTRYPOINT",
          "(found)",
          "class name",
          "function class; default: the one the jar names, else the only one found");
  static final Setting TIMEOUT =
      new Setting(
          "--timeout",
          "FUNCTION_TIMEOUT",
          "300s",
          "duration",
          "deadline of one invocation (504 after it); 0 for none");
  static final Setting MAX_BODY =
      new Setting(
          "--max-body",
          "FUNCTION_MAX_BODY",
          "20MiB",
          "size",
          "largest request body accepted (413 beyond it)");
  static final Setting SHUTDOWN_GRACE =
      new Setting(
          "--shutdown-grace",
          "FUNCTION_SHUTDOWN_GRACE",
          "10s",
          "duration",
          "how long in-flight invocations may finish after SIGTERM");

  static final Setting PROTOCOL =
      new Setting(
          "--protocol",
          "FUNCTION_PROTOCOL",
          "plain",
          "plain or open-runtimes",
          "plain HTTP, or the Open Runtimes executor protocol (port 3000, /mnt/logs, ...)");
  static final Setting LOGS_DIR =
      new Setting(
          "--logs-dir",
          "FUNCTION_LOGS_DIR",
          "/mnt/logs",
          "directory",
          "open-runtimes: where the per-invocation log files go");
  static final Setting TELEMETRY_DIR =
      new Setting(
          "--telemetry-dir",
          "FUNCTION_TELEMETRY_DIR",
          "/mnt/telemetry",
          "directory",
          "open-runtimes: where /__opr/timings reads timings.txt");

  static final List<Setting> SETTINGS =
      List.of(
          PORT,
          HOST,
          CODE,
          ENTRYPOINT,
          TIMEOUT,
          MAX_BODY,
          SHUTDOWN_GRACE,
          PROTOCOL,
          LOGS_DIR,
          TELEMETRY_DIR);

  /** The port of the Open Runtimes protocol, unless PORT says otherwise. */
  static final int OPEN_RUNTIMES_PORT = 3000;

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb|kib|mib|gib)?");

  /**
   * Parses flags and variables.
   *
   * @throws ConfigException naming the first bad setting and its expected form
   */
  public static RuntimeConfig parse(List<String> args, Map<String, String> env)
      throws ConfigException {
    Map<String, String> flags = flags(args);
    Values values = new Values(flags, env);
    String protocol = values.text(PROTOCOL);
    boolean openRuntimes;
    switch (protocol) {
      case "plain" -> openRuntimes = false;
      case "open-runtimes" -> openRuntimes = true;
      default ->
          throw new ConfigException(values.source(PROTOCOL) + ": expected " + PROTOCOL.form());
    }
    int port = values.raw(PORT) == null && openRuntimes ? OPEN_RUNTIMES_PORT : values.port(PORT);
    String host = values.text(HOST);
    Path code = Path.of(values.text(CODE));
    String entrypoint = values.optional(ENTRYPOINT);
    if (entrypoint == null && openRuntimes) {
      entrypoint = blankToNull(env.get("OPEN_RUNTIMES_ENTRYPOINT"));
    }
    Duration timeout = values.duration(TIMEOUT);
    long maxBody = values.size(MAX_BODY);
    Duration grace = values.duration(SHUTDOWN_GRACE);
    OpenRuntimesConfig openRuntimesConfig = null;
    if (openRuntimes) {
      String mode = env.getOrDefault("OPEN_RUNTIMES_ENV", "production").trim();
      if (!mode.isEmpty() && !mode.equals("production") && !mode.equals("development")) {
        throw new ConfigException(
            "OPEN_RUNTIMES_ENV=" + mode + ": expected production or development");
      }
      Map<String, String> headers;
      try {
        headers = OpenRuntimesConfig.parseHeaders(env.get("OPEN_RUNTIMES_HEADERS"));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            "OPEN_RUNTIMES_HEADERS=" + env.get("OPEN_RUNTIMES_HEADERS") + ": " + e.getMessage());
      }
      openRuntimesConfig =
          new OpenRuntimesConfig(
              env.getOrDefault("OPEN_RUNTIMES_SECRET", ""),
              mode.equals("development"),
              headers,
              Path.of(values.text(LOGS_DIR)),
              Path.of(values.text(TELEMETRY_DIR)));
    }
    return new RuntimeConfig(
        host, port, code, entrypoint, timeout, maxBody, grace, openRuntimesConfig);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Whether the arguments ask for the usage text. */
  public static boolean wantsHelp(List<String> args) {
    return args.contains("--help") || args.contains("-h");
  }

  /** The usage text: every flag with its variable, default and meaning. */
  public static String usage() {
    StringBuilder text =
        new StringBuilder(
            "Usage: java -jar fnkit-runtime.jar [--flag=value ...]\n"
                + "Serves a fnkit function over HTTP. Each flag can also be set by its variable.\n\n");
    text.append(
        String.format("  %-18s %-24s %-10s %s%n", "flag", "variable", "default", "meaning"));
    for (Setting setting : SETTINGS) {
      text.append(
          String.format(
              "  %-18s %-24s %-10s %s%n",
              setting.flag(), setting.variable(), setting.defaultValue(), setting.meaning()));
    }
    text.append(
        "\nDurations: 500ms, 30s, 5m, 1h (a bare number is seconds)."
            + " Sizes: 1048576, 512KiB, 20MiB, 1GiB (KB, MB, GB are decimal).\n");
    return text.toString();
  }

  private static Map<String, String> flags(List<String> args) throws ConfigException {
    Map<String, Setting> known = new HashMap<>();
    for (Setting setting : SETTINGS) {
      known.put(setting.flag(), setting);
    }
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int equals = arg.indexOf('=');
      String flag = equals < 0 ? arg : arg.substring(0, equals);
      if (!known.containsKey(flag)) {
        throw new ConfigException(
            "unknown argument " + arg + "; run with --help for the list of flags");
      }
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new ConfigException(flag + " needs a value (" + known.get(flag).form() + ")");
      }
      flags.put(flag, value);
    }
    return flags;
  }

  /** Looks a setting up (flag, then variable, then default) and names its source in errors. */
  private record Values(Map<String, String> flags, Map<String, String> env) {
    String raw(Setting setting) {
      String flag = flags.get(setting.flag());
      if (flag != null) {
        return flag;
      }
      String variable = env.get(setting.variable());
      return variable == null || variable.isBlank() ? null : variable;
    }

    String source(Setting setting) {
      return flags.containsKey(setting.flag())
          ? setting.flag() + "=" + flags.get(setting.flag())
          : setting.variable() + "=" + env.get(setting.variable());
    }

    String text(Setting setting) throws ConfigException {
      String value = raw(setting);
      if (value == null) {
        return setting.defaultValue();
      }
      if (value.isBlank()) {
        throw new ConfigException(source(setting) + ": expected " + setting.form());
      }
      return value.trim();
    }

    String optional(Setting setting) {
      String value = raw(setting);
      return value == null || value.isBlank() ? null : value.trim();
    }

    int port(Setting setting) throws ConfigException {
      String value = text(setting);
      try {
        int port = Integer.parseInt(value);
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException notANumber) {
        // reported below
      }
      throw new ConfigException(source(setting) + ": expected a port number from 0 to 65535");
    }

    Duration duration(Setting setting) throws ConfigException {
      String value = text(setting);
      Matcher matcher = DURATION.matcher(value.toLowerCase(Locale.ROOT));
      if (matcher.matches()) {
        try {
          long amount = Long.parseLong(matcher.group(1));
          String unit = matcher.group(2) == null ? "s" : matcher.group(2);
          return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
          };
        } catch (NumberFormatException | ArithmeticException tooLarge) {
          // reported below
        }
      }
      throw new ConfigException(
          source(setting) + ": expected a duration such as 500ms, 30s, 5m or 1h (0 for none)");
    }

    long size(Setting setting) throws ConfigException {
      String value = text(setting);
      Matcher matcher = SIZE.matcher(value.toLowerCase(Locale.ROOT));
      if (matcher.matches()) {
        try {
          long amount = Long.parseLong(matcher.group(1));
          String unit = matcher.group(2) == null ? "b" : matcher.group(2);
          long factor =
              switch (unit) {
                case "kb" -> 1_000L;
                case "mb" -> 1_000_000L;
                case "gb" -> 1_000_000_000L;
                case "kib" -> 1L << 10;
                case "mib" -> 1L << 20;
                case "gib" -> 1L << 30;
                default -> 1L;
              };
          return Math.multiplyExact(amount, factor);
        } catch (NumberFormatException | ArithmeticException tooLarge) {
          // reported below
        }
      }
      throw new ConfigException(
          source(setting) + ": expected a size such as 1048576, 512KiB, 20MiB or 1GiB");
    }
  }
}
