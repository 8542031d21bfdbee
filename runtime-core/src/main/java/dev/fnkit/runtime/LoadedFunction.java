package dev.fnkit.runtime;

import java.util.Objects;

/**
 * A function ready to invoke: its instance, adapted to one calling convention, and the class loader
 * its code runs with.
 */
public final class LoadedFunction {
  private final String name;
  private final Object instance;
  private final ClassLoader classLoader;
  private final FunctionHandler handler;
  private final Json json;

  private LoadedFunction(String name, Object instance, ClassLoader classLoader, Json json) {
    this.name = name;
    this.instance = instance;
    this.classLoader = classLoader;
    this.json = json;
    this.handler = FunctionHandler.of(instance, json);
  }

  /**
   * Wraps an instance of {@code HttpFunction} or {@code TypedFunction} (as the testkit does).
   *
   * @throws IllegalArgumentException if it is neither, or a typed function's input type cannot be
   *     determined
   */
  public static LoadedFunction of(Object instance) {
    Objects.requireNonNull(instance, "function");
    Class<?> type = instance.getClass();
    ClassLoader loader = type.getClassLoader();
    return new LoadedFunction(
        type.getName(),
        instance,
        loader != null ? loader : ClassLoader.getSystemClassLoader(),
        new Json());
  }

  static LoadedFunction of(Object instance, ClassLoader classLoader) {
    return new LoadedFunction(instance.getClass().getName(), instance, classLoader, new Json());
  }

  /** The function's class name. */
  public String name() {
    return name;
  }

  public Object instance() {
    return instance;
  }

  public ClassLoader classLoader() {
    return classLoader;
  }

  FunctionHandler handler() {
    return handler;
  }

  Json json() {
    return json;
  }
}
