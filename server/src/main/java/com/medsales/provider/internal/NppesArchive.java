package com.medsales.provider.internal;

import com.medsales.ingest.CountingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * An NPPES source: the dissemination zip ({@code npidata_pfile_*.csv}, {@code pl_pfile_*.csv},
 * {@code othername_pfile_*.csv}, {@code endpoint_pfile_*.csv} and their {@code _fileheader.csv}s)
 * or one extracted {@code npidata} CSV. Text is decoded as UTF-8 with malformed bytes replaced by
 * U+FFFD, which the readers reject with the row's line, so one bad byte costs one row, not the
 * file.
 */
final class NppesArchive implements AutoCloseable {

  private final Path file;
  private final @Nullable ZipFile zip;
  private final long totalBytes;
  private long bytesBefore;
  private @Nullable CountingInputStream current;

  private NppesArchive(Path file, @Nullable ZipFile zip, long totalBytes) {
    this.file = file;
    this.zip = zip;
    this.totalBytes = totalBytes;
  }

  static NppesArchive open(Path file) throws IOException {
    if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      com.medsales.ingest.Sources.requireCompleteLastLine(file, file.getFileName().toString());
      return new NppesArchive(file, null, Files.size(file));
    }
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new IOException(
          "The archive "
              + file.getFileName()
              + " is truncated or damaged ("
              + e.getMessage()
              + "); nothing was loaded",
          e);
    }
    long total = 0;
    var entries = zip.entries();
    while (entries.hasMoreElements()) {
      ZipEntry entry = entries.nextElement();
      if (isData(entry.getName(), "")) {
        total += Math.max(entry.getSize(), 0);
      }
    }
    return new NppesArchive(file, zip, total);
  }

  private static boolean isData(String entryName, String prefix) {
    String name = Path.of(entryName).getFileName().toString().toLowerCase(Locale.ROOT);
    return name.startsWith(prefix) && name.endsWith(".csv") && !name.contains("fileheader");
  }

  /** The main file: the zip's npidata_pfile, or the CSV itself. */
  Entry npiData() throws IOException {
    if (zip == null) {
      return new Entry(file.getFileName().toString(), Files.newInputStream(file));
    }
    return entry("npidata_pfile")
        .orElseThrow(
            () ->
                new IOException("The archive " + file.getFileName() + " has no npidata_pfile CSV"));
  }

  Optional<Entry> secondaryLocations() throws IOException {
    return zip == null ? Optional.empty() : entry("pl_pfile");
  }

  Optional<Entry> otherNames() throws IOException {
    return zip == null ? Optional.empty() : entry("othername_pfile");
  }

  private Optional<Entry> entry(String prefix) throws IOException {
    var entries = zip.entries();
    while (entries.hasMoreElements()) {
      ZipEntry entry = entries.nextElement();
      if (isData(entry.getName(), prefix)) {
        return Optional.of(
            new Entry(
                Path.of(entry.getName()).getFileName().toString(), zip.getInputStream(entry)));
      }
    }
    return Optional.empty();
  }

  /** Uncompressed bytes read so far over all entries, and the total. */
  long bytesRead() {
    return bytesBefore + (current == null ? 0 : current.count());
  }

  long totalBytes() {
    return totalBytes;
  }

  @Override
  public void close() throws IOException {
    if (zip != null) {
      zip.close();
    }
  }

  /** One CSV of the source. */
  final class Entry implements AutoCloseable {
    final String name;
    private final CountingInputStream stream;

    Entry(String name, InputStream in) {
      this.name = name;
      if (current != null) {
        bytesBefore += current.count();
      }
      this.stream = new CountingInputStream(in);
      current = stream;
    }

    Reader reader() {
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE);
      return new InputStreamReader(stream, decoder);
    }

    @Override
    public void close() throws IOException {
      stream.close();
    }
  }
}
