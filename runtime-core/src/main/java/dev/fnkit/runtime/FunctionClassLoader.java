package dev.fnkit.runtime;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * The class loader of a function's code and its {@code lib/} jars. Its parent exposes only the SDK
 * ({@code dev.fnkit.sdk}) and the JDK: Jetty, Gson and the runtime's own classes are invisible, so
 * a function can bring its own version of any library.
 */
final class FunctionClassLoader extends URLClassLoader {
  static {
    registerAsParallelCapable();
  }

  FunctionClassLoader(String name, URL[] urls, ClassLoader sdkLoader) {
    super(name, urls, new SdkOnly(sdkLoader));
  }

  /** Delegates {@code dev.fnkit.sdk} to the runtime's loader and everything else to the JDK. */
  private static final class SdkOnly extends ClassLoader {
    private static final String SDK_PACKAGE = "dev.fnkit.sdk.";
    private static final String SDK_RESOURCES = "dev/fnkit/sdk/";

    static {
      registerAsParallelCapable();
    }

    private final ClassLoader sdkLoader;

    SdkOnly(ClassLoader sdkLoader) {
      super("fnkit-sdk-only", ClassLoader.getPlatformClassLoader());
      this.sdkLoader = sdkLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(SDK_PACKAGE)) {
        return sdkLoader.loadClass(name);
      }
      return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
      if (name.startsWith(SDK_RESOURCES)) {
        return sdkLoader.getResource(name);
      }
      return super.getResource(name);
    }
  }
}
