package com.medsales.storage;

import com.medsales.storage.internal.LocalFileStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Files kept under keys such as {@code raw/npidata.zip} or {@code exports/7/providers.csv}: in a
 * local directory (the default, MEDSALES_HOME) or in S3 ({@code S3_BUCKET}), which ECS tasks share
 * and which outlives them.
 */
public interface FileStore {

  /** Stores a copy of {@code file} under {@code key}, replacing what was there. */
  void put(String key, Path file) throws IOException;

  /** Copies what {@code key} holds to {@code target}; false when the key holds nothing. */
  boolean get(String key, Path target) throws IOException;

  boolean exists(String key) throws IOException;

  /** What {@code key} holds, to read once; {@link java.nio.file.NoSuchFileException} if nothing. */
  java.io.InputStream open(String key) throws IOException;

  /** Removes what {@code key} holds; nothing happens when it holds nothing. */
  void delete(String key) throws IOException;

  /** A link that downloads {@code key} without further credentials, valid for {@code validity}. */
  URI downloadLink(String key, Duration validity);

  /** True when the store is not this machine's disk, so a local file is worth keeping there too. */
  boolean remote();

  /** A store in a local directory. */
  static FileStore local(Path root) {
    return new LocalFileStore(root);
  }
}
