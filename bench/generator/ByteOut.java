package generator;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two big byte buffers over a file: one is filled while a background thread writes the other, so generating overlaps
 * the I/O. The generators write rows straight into {@link #buf} at {@link #pos} after {@link #reserve} (the hot path
 * of the fast generators, hence the open fields).
 */
public final class ByteOut implements Closeable {
  private final OutputStream os;
  private final ExecutorService writer;
  private Future<?> pending;
  private byte[] spare;
  /** An upper bound of one row's bytes; the buffers hold at least four rows. */
  public final int rowBound;
  public byte[] buf;
  public int pos;
  /** The bytes handed to the writer so far (all of them after {@link #close}). */
  public long total;

  public ByteOut(OutputStream os, int rowBound, String threadName) {
    this.os = os;
    this.rowBound = rowBound;
    this.writer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    int size = Math.max(8 << 20, 4 * rowBound);
    this.buf = new byte[size];
    this.spare = new byte[size];
  }

  public void write(byte[] b) {
    reserve(b.length);
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
  }

  /** Makes room for n bytes. */
  public void reserve(int n) {
    if (pos + n > buf.length) {
      flush();
    }
  }

  /** Hands the filled buffer to the writer thread and continues in the other one. */
  private void flush() {
    awaitPending();
    byte[] full = buf;
    int n = pos;
    pending = writer.submit(() -> {
      try {
        os.write(full, 0, n);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    total += n;
    buf = spare;
    spare = full;
    pos = 0;
  }

  private void awaitPending() {
    if (pending == null) {
      return;
    }
    try {
      pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } finally {
      pending = null;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
      awaitPending();
    } finally {
      writer.shutdown();
      os.close();
    }
  }
}
