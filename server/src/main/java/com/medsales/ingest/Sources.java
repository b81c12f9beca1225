package com.medsales.ingest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** Checks of a source file that every CSV loader makes. */
public final class Sources {

  private Sources() {}

  /**
   * A CSV that does not end with a line break was cut off in the middle of a row (an interrupted
   * copy or download): refused whole rather than loaded with its last row missing.
   */
  public static void requireCompleteLastLine(Path file, String name) throws IOException {
    try (var raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      if (length == 0) {
        throw new IOException(name + " is empty");
      }
      raf.seek(length - 1);
      int last = raf.read();
      if (last != '\n' && last != '\r') {
        throw new IOException(
            name
                + " does not end with a line break: it is truncated (an interrupted copy or download?); nothing was loaded");
      }
    }
  }
}
