package dev.fnkit.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * One request/response pair as a server adapter (the Jetty servlet, the testkit) presents it to the
 * {@link Invoker}. The adapter only moves bytes; every rule about what is answered lives in the
 * core, so all adapters behave alike.
 *
 * <p>Threads: the request side is read on the thread that calls {@link Invoker#invoke}. Exactly one
 * of {@link #respond} or {@link #stream} is called per exchange, possibly from the invoker's
 * watchdog thread (when the deadline passes first), never concurrently.
 */
public interface Exchange {

  /** The method as sent, e.g. {@code GET}. */
  String method();

  /** The path as sent, not decoded, starting with {@code /}. */
  String rawPath();

  /** The path, percent-decoded. */
  String path();

  /** The raw query string without {@code ?}; empty when there is none. */
  String rawQuery();

  /** The scheme of the connection itself ({@code http} or {@code https}). */
  String connectionScheme();

  /** The local port the request arrived on; used when the request has no {@code Host} header. */
  int localPort();

  /** The first value of a request header, or {@code null}; names are case-insensitive. */
  String header(String name);

  /** All values of a request header; empty when absent. */
  List<String> headers(String name);

  /** All request headers, in the order sent. */
  Headers headers();

  /** The declared body length, or {@code -1} when unknown (chunked, or no header). */
  long contentLength();

  /** The body stream; called at most once. */
  InputStream body() throws IOException;

  /**
   * Starts watching for the client going away before the answer is sent; {@code onGone} runs at
   * most once, on any thread. Called from the watchdog once an invocation has run for a while, so
   * short invocations pay nothing. An adapter that cannot watch (the testkit has no client to lose,
   * a request body is still unread) does nothing.
   */
  void watchClient(Runnable onGone);

  /** Sends a complete answer. {@code body} may be empty; for {@code HEAD} it is not sent. */
  void respond(int status, Headers headers, byte[] body) throws IOException;

  /** Sends status and headers and returns the stream for the body; closing it ends the answer. */
  OutputStream stream(int status, Headers headers) throws IOException;

  /** Ends a streamed answer without completing it, so the client sees it is cut short. */
  void abort();
}
