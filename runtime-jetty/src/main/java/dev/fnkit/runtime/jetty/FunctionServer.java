package dev.fnkit.runtime.jetty;

import dev.fnkit.runtime.Protocol;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server of one function: the function servlet on {@code /*}, the runtime endpoints on
 * {@value RuntimeEndpointsServlet#PREFIX}{@code /*}, graceful shutdown, and virtual threads for
 * invocations when the JVM has them.
 */
public final class FunctionServer {
  private final Server server;
  private final ServerConnector connector;
  private volatile boolean stopping;

  private FunctionServer(RuntimeConfig config, Protocol protocol) {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("fnkit-http");
    if (VirtualThreads.areSupported()) {
      threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("fnkit-fn"));
    }
    server = new Server(threads);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    connector = new FunctionConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder("function", new FunctionServlet(protocol)), "/*");
    context.addServlet(
        new ServletHolder("runtime", new RuntimeEndpointsServlet(() -> !stopping)),
        RuntimeEndpointsServlet.PREFIX + "/*");
    // Errors the servlet never sees (bad requests) get Jetty's plain answers, not HTML pages.
    context.setErrorHandler(new PlainErrorHandler());
    server.setErrorHandler(new PlainErrorHandler());

    server.setHandler(new GracefulHandler(context));
    server.setStopTimeout(config.shutdownGrace().toMillis());
    server.setStopAtShutdown(false);
  }

  /** Starts a server for {@code protocol}; returns once it accepts connections. */
  public static FunctionServer start(RuntimeConfig config, Protocol protocol) throws Exception {
    FunctionServer functionServer = new FunctionServer(config, protocol);
    functionServer.server.start();
    return functionServer;
  }

  /** The port the server listens on (the chosen one when configured with 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Whether invocations run on virtual threads. */
  public boolean usesVirtualThreads() {
    return ((QueuedThreadPool) server.getThreadPool()).getVirtualThreadsExecutor() != null;
  }

  /**
   * Stops accepting connections, lets in-flight invocations finish within the grace period, then
   * stops.
   */
  public void stop() throws Exception {
    stopping = true;
    server.stop();
  }

  /** Waits until the server has stopped. */
  public void join() throws InterruptedException {
    server.join();
  }
}
