package dev.initkit.gitfetch.jgit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentSlabsTest {
  private final ContentSlabs slabs = new ContentSlabs();

  @Test
  void keepsABlobsBytesAcrossTheAppends() {
    byte[] blob = randomBytes(new Random(1), 100_000);

    ContentSlabs.Content content = add(blob, 8192);

    assertThat(bytes(content)).isEqualTo(blob);
    assertThat(content.length()).isEqualTo(blob.length);
  }

  @Test
  void movesABlobThatOutgrowsItsSlabToTheNext() {
    Random random = new Random(2);
    byte[] first = randomBytes(random, ContentSlabs.SLAB_BYTES - 10);
    byte[] second = randomBytes(random, 5_000);

    ContentSlabs.Content one = add(first, 8192);
    ContentSlabs.Content two = add(second, 1000);

    assertThat(bytes(one)).isEqualTo(first);
    assertThat(bytes(two)).isEqualTo(second);
  }

  @Test
  void refusesABlobLargerThanASlabAndGivesItsRoomBack() {
    Random random = new Random(3);
    byte[] before = randomBytes(random, 1000);
    ContentSlabs.Content kept = add(before, 1000);
    slabs.begin();
    byte[] chunk = new byte[1 << 16];
    boolean held = true;
    for (int i = 0; i <= ContentSlabs.SLAB_BYTES / chunk.length; i++) {
      held &= slabs.append(chunk, 0, chunk.length);
    }

    assertThat(held).isFalse();
    assertThat(slabs.end()).isNull();
    byte[] after = randomBytes(random, 1000);
    assertThat(bytes(add(after, 1000))).isEqualTo(after);
    assertThat(bytes(kept)).isEqualTo(before);
  }

  @Test
  void anEmptyBlobHasNoBytes() {
    slabs.begin();

    assertThat(slabs.end().length()).isZero();
  }

  @Test
  void neverReusesBytesThatAFileStillHolds() {
    // Blobs held for a while and released in random order, through many times the slabs' room: a
    // slab used again too early would change the bytes of a blob still held.
    Random random = new Random(4);
    List<ContentSlabs.Content> held = new ArrayList<>();
    List<byte[]> expected = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      byte[] blob = randomBytes(random, random.nextInt(4) == 0 ? random.nextInt(400_000) : 3000);
      if (random.nextInt(10) == 0) {
        slabs.begin();
        slabs.append(blob, 0, blob.length);
        slabs.discard(); // not wanted
        continue;
      }
      ContentSlabs.Content content = add(blob, 8192);
      int holders = 1 + random.nextInt(2);
      for (int h = 0; h < holders; h++) {
        content.retain();
        held.add(content);
        expected.add(blob);
      }
      while (held.size() > 40 || (!held.isEmpty() && random.nextBoolean())) {
        int which = random.nextInt(held.size());
        assertThat(bytes(held.get(which))).isEqualTo(expected.get(which));
        held.remove(which).release();
        expected.remove(which);
      }
    }
    for (int i = 0; i < held.size(); i++) {
      assertThat(bytes(held.get(i))).isEqualTo(expected.get(i));
    }
  }

  private ContentSlabs.Content add(byte[] blob, int chunk) {
    slabs.begin();
    for (int offset = 0; offset < blob.length; offset += chunk) {
      assertThat(slabs.append(blob, offset, Math.min(chunk, blob.length - offset))).isTrue();
    }
    return slabs.end();
  }

  private static byte[] bytes(ContentSlabs.Content content) {
    ByteBuffer buffer = content.bytes();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return Arrays.copyOf(bytes, length);
  }
}
