package dev.initkit.gitfetch.jgit;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Memory outside the Java heap for the blobs that {@link StreamingCheckout} writes as they arrive.
 * The parser's thread copies each blob once, into the slab at hand, and a writer thread writes the
 * file straight from there (a heap array would be copied once more into the JDK's own direct
 * buffer). A slab is used again once every file in it is written. Before, each blob was copied into
 * a new heap array: 61 MB for the benchmark's 10,000 files, most of the fetch's young collections.
 *
 * <p>At most {@link #MAX_SLABS} slabs are kept. If they are all still held (writers far behind),
 * the next slab is made on the heap and left to the collector: the writers' queue bounds the bytes
 * waiting ({@link BlobWriterPool#HELD_BYTES_LIMIT}), so that is rare and never a wait.
 *
 * <p>Filled on one thread, the parser's: {@link #begin}, {@link #append}, then {@link #end} or
 * {@link #discard}. The {@link Content} is released on any.
 */
final class ContentSlabs {
  /** The largest blob held, and a slab's size. */
  static final int SLAB_BYTES = BlobWriterPool.HELD_BYTES_LIMIT / 4;

  /** Slabs kept for use again: the bytes the writers' queue holds, and room to fill meanwhile. */
  static final int MAX_SLABS = BlobWriterPool.HELD_BYTES_LIMIT / SLAB_BYTES + 2;

  private final Queue<Slab> free = new ConcurrentLinkedQueue<>();
  private int made;
  private Slab current;
  private int start;
  private boolean tooLarge;

  /** Starts the next blob. */
  void begin() {
    tooLarge = false;
    start = current == null ? 0 : current.buffer.position();
  }

  /**
   * Adds the blob's next bytes.
   *
   * @return false once the blob is larger than {@link #SLAB_BYTES}: it is not held, and the rest of
   *     it is ignored
   */
  boolean append(byte[] bytes, int offset, int length) {
    if (tooLarge) {
      return false;
    }
    int held = current == null ? 0 : current.buffer.position() - start;
    if (held + length > SLAB_BYTES) {
      discard();
      tooLarge = true;
      return false;
    }
    if (current == null || current.buffer.remaining() < length) {
      moveTo(nextSlab(), held);
    }
    current.buffer.put(bytes, offset, length);
    return true;
  }

  /**
   * The blob's bytes, which stay until each {@link Content#retain} has its {@link Content#release}.
   *
   * @return null if the blob was too large
   */
  Content end() {
    if (tooLarge) {
      return null;
    }
    if (current == null) {
      return Content.EMPTY;
    }
    int end = current.buffer.position();
    Content content = new Content(current, current.buffer.slice(start, end - start));
    start = end;
    return content;
  }

  /** Gives the blob's room back: no file wants it. */
  void discard() {
    if (current != null) {
      current.buffer.position(start);
    }
  }

  /** Continues the blob in {@code next}, with the {@code held} bytes it has so far. */
  private void moveTo(Slab next, int held) {
    if (current != null) {
      next.buffer.put(current.buffer.slice(start, held));
      current.release(); // the filling's own hold
    }
    current = next;
    start = 0;
  }

  private Slab nextSlab() {
    Slab slab = free.poll();
    if (slab != null) {
      slab.buffer.clear();
    } else if (made < MAX_SLABS) {
      made++;
      slab = new Slab(ByteBuffer.allocateDirect(SLAB_BYTES), free);
    } else {
      slab = new Slab(ByteBuffer.allocate(SLAB_BYTES), null);
    }
    slab.holds.set(1);
    return slab;
  }

  private static final class Slab {
    final ByteBuffer buffer;
    final AtomicInteger holds = new AtomicInteger();
    private final Queue<Slab> pool;

    /**
     * @param pool where the slab goes back once nothing holds it; null for a heap slab, left to the
     *     collector
     */
    Slab(ByteBuffer buffer, Queue<Slab> pool) {
      this.buffer = buffer;
      this.pool = pool;
    }

    void release() {
      if (holds.decrementAndGet() == 0 && pool != null) {
        pool.add(this);
      }
    }
  }

  /** One blob's bytes in a slab, held by the files that will be written from them. */
  static final class Content {
    static final Content EMPTY = new Content(null, ByteBuffer.allocate(0));

    private final Slab slab;
    private final ByteBuffer bytes;

    private Content(Slab slab, ByteBuffer bytes) {
      this.slab = slab;
      this.bytes = bytes.asReadOnlyBuffer();
    }

    /** The bytes, as a buffer of its own (position 0) for each caller. */
    ByteBuffer bytes() {
      return bytes.duplicate();
    }

    int length() {
      return bytes.capacity();
    }

    /** Holds the bytes for one more file. */
    void retain() {
      if (slab != null) {
        slab.holds.incrementAndGet();
      }
    }

    /** That file is written, or will not be. */
    void release() {
      if (slab != null) {
        slab.release();
      }
    }
  }
}
