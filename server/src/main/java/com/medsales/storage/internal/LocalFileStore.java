package com.medsales.storage.internal;

import com.medsales.storage.FileStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Keys are paths below a root directory; a "link" is the file's own URI, for a browser on this
 * machine.
 */
public final class LocalFileStore implements FileStore {

  private final Path root;

  public LocalFileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, Path file) throws IOException {
    Path target = resolve(key);
    if (Files.exists(target) && Files.isSameFile(target, file)) {
      return;
    }
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling(target.getFileName() + ".copying");
    Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public boolean get(String key, Path target) throws IOException {
    Path source = resolve(key);
    if (!Files.isRegularFile(source)) {
      return false;
    }
    if (!(Files.exists(target) && Files.isSameFile(source, target))) {
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return true;
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(resolve(key));
  }

  @Override
  public java.io.InputStream open(String key) throws IOException {
    return Files.newInputStream(resolve(key));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(key));
  }

  @Override
  public URI downloadLink(String key, Duration validity) {
    return resolve(key).toUri();
  }

  @Override
  public boolean remote() {
    return false;
  }

  private Path resolve(String key) {
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("Key leaves the store: " + key);
    }
    return path;
  }
}
