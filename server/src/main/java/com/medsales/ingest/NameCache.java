package com.medsales.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One string per distinct name for the few thousand names a file repeats millions of times (Part
 * D's drug names): the string of a byte range already seen is looked up instead of decoded again.
 * Holds at most 8192 names of up to 64 bytes; others are decoded each time.
 */
public final class NameCache {

  private static final int SLOTS = 1 << 14;
  private static final int MAX_NAMES = SLOTS / 2;
  private static final int MAX_LENGTH = 64;

  private final byte[][] keys = new byte[SLOTS][];
  private final String[] names = new String[SLOTS];
  private int size;

  /** The UTF-8 text of {@code bytes[from, to)}. */
  public String get(byte[] bytes, int from, int to) {
    int length = to - from;
    if (length > MAX_LENGTH) {
      return new String(bytes, from, length, StandardCharsets.UTF_8);
    }
    int slot = hash(bytes, from, to) & (SLOTS - 1);
    while (true) {
      byte[] key = keys[slot];
      if (key == null) {
        String name = new String(bytes, from, length, StandardCharsets.UTF_8);
        if (size < MAX_NAMES) {
          keys[slot] = Arrays.copyOfRange(bytes, from, to);
          names[slot] = name;
          size++;
        }
        return name;
      }
      if (key.length == length && Arrays.equals(key, 0, length, bytes, from, to)) {
        return names[slot];
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
  }

  /** The length and the first and last eight bytes, mixed: names of a kind differ in either. */
  private static int hash(byte[] bytes, int from, int to) {
    int length = to - from;
    long head;
    long tail;
    if (length >= 8) {
      head = (long) Bytes.LONGS.get(bytes, from);
      tail = (long) Bytes.LONGS.get(bytes, to - 8);
    } else {
      head = 0;
      for (int i = from; i < to; i++) {
        head = head << 8 | (bytes[i] & 0xFF);
      }
      tail = length;
    }
    long h = (head * 0x9E3779B97F4A7C15L) ^ (tail * 0xC2B2AE3D27D4EB4FL) ^ length;
    return (int) (h ^ (h >>> 29) ^ (h >>> 47));
  }
}
