package dev.fnkit.runtime.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A connection endpoint that can notice the client closing while a request is being handled.
 *
 * <p>Jetty's HTTP/1.1 connection does not read while a request is handled, so a client that hangs
 * up goes unnoticed until the answer is written. {@link #watch} registers read interest on the
 * socket; when it becomes readable the endpoint reads once: end-of-stream means the client is gone,
 * and any bytes (a pipelined next request) are kept and handed to the connection's next {@link
 * #fill}, so nothing is lost. When the connection itself asks for read interest meanwhile, the
 * pending watch passes the event on to it.
 */
final class WatchedEndPoint extends SocketChannelEndPoint {
  private static final int PROBE_BUFFER_SIZE = 4096;

  private final Executor executor;
  private final Object lock = new Object();
  private Probe probe;
  private ByteBuffer pushback;

  WatchedEndPoint(
      SocketChannel channel,
      ManagedSelector selector,
      SelectionKey key,
      Scheduler scheduler,
      Executor executor) {
    super(channel, selector, key, scheduler);
    this.executor = executor;
  }

  /**
   * Starts watching for the client going away; {@code onGone} runs at most once, on a Jetty thread.
   * Returns {@code false} when the connection is reading itself (watching is then neither possible
   * nor needed).
   */
  boolean watch(Runnable onGone) {
    Probe next = new Probe(onGone);
    synchronized (lock) {
      if (probe != null || pushback != null || !isOpen()) {
        return false;
      }
      probe = next;
    }
    if (super.tryFillInterested(next)) {
      return true;
    }
    synchronized (lock) {
      if (probe == next) {
        probe = null;
      }
    }
    return false;
  }

  /** Stops reporting the client's departure (the answer is complete). */
  void unwatch() {
    synchronized (lock) {
      if (probe != null) {
        probe.onGone = null;
      }
    }
  }

  /**
   * A watch alone is not the connection's read interest: Jetty aborts a connection that is fill
   * interested when an answer completes, and this keeps a watch from counting as one.
   */
  @Override
  public boolean isFillInterested() {
    synchronized (lock) {
      if (probe != null && probe.delegate == null) {
        return false;
      }
    }
    return super.isFillInterested();
  }

  @Override
  public void fillInterested(Callback callback) {
    if (!divert(callback)) {
      super.fillInterested(callback);
    }
  }

  @Override
  public boolean tryFillInterested(Callback callback) {
    synchronized (lock) {
      if (probe != null && probe.delegate != null) {
        return false;
      }
    }
    return divert(callback) || super.tryFillInterested(callback);
  }

  /** Hands {@code callback} to a pending probe, or runs it when bytes are already waiting. */
  private boolean divert(Callback callback) {
    synchronized (lock) {
      if (probe != null) {
        probe.delegate = callback;
        return true;
      }
      if (pushback == null) {
        return false;
      }
    }
    executor.execute(callback::succeeded);
    return true;
  }

  @Override
  public int fill(ByteBuffer buffer) throws IOException {
    synchronized (lock) {
      if (pushback != null) {
        int moved = BufferUtil.append(buffer, pushback);
        if (!pushback.hasRemaining()) {
          pushback = null;
        }
        return moved;
      }
    }
    return super.fill(buffer);
  }

  /** The read interest registered by {@link #watch}. */
  private final class Probe implements Callback {
    volatile Runnable onGone;
    Callback delegate;

    Probe(Runnable onGone) {
      this.onGone = onGone;
    }

    @Override
    public void succeeded() {
      Callback next;
      boolean gone = false;
      synchronized (lock) {
        next = delegate;
        if (next == null) {
          ByteBuffer buffer = BufferUtil.allocate(PROBE_BUFFER_SIZE);
          int filled;
          try {
            filled = WatchedEndPoint.super.fill(buffer);
          } catch (IOException e) {
            filled = -1;
          }
          if (filled == 0) {
            // Spurious wake-up: keep watching.
            if (WatchedEndPoint.super.tryFillInterested(this)) {
              return;
            }
          } else if (filled > 0) {
            pushback = buffer;
          } else {
            gone = true;
          }
        }
        probe = null;
      }
      if (next != null) {
        next.succeeded();
      } else if (gone) {
        report();
      }
    }

    @Override
    public void failed(Throwable failure) {
      Callback next;
      synchronized (lock) {
        next = delegate;
        probe = null;
      }
      if (next != null) {
        next.failed(failure);
      } else {
        report();
      }
    }

    private void report() {
      Runnable action = onGone;
      onGone = null;
      if (action != null) {
        action.run();
      }
    }
  }
}
