package com.medsales.ingest;

import com.medsales.storage.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a user gave (a local path, or an HTTP(S) URL) into a local file. A download goes into the raw-file store
 * ({@code MEDSALES_HOME/raw} by default), resumes a partial download with a Range request, and asks the server with
 * {@code If-None-Match}/{@code If-Modified-Since} whether the file changed since it was last fetched. With a remote
 * {@link FileStore} (S3) each download is also kept there under {@code raw/}, and a task whose disk lacks the file (a
 * new ECS task) fetches it from there first, so the conditional GET still saves the download.
 */
final class SourceResolver {

  private static final Logger log = LoggerFactory.getLogger(SourceResolver.class);

  private final Path rawDirectory;
  private final FileStore store;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();

  SourceResolver(Path rawDirectory) {
    this(rawDirectory, FileStore.local(rawDirectory));
  }

  SourceResolver(Path rawDirectory, FileStore store) {
    this.rawDirectory = rawDirectory;
    this.store = store;
  }

  static boolean isUrl(String source) {
    String s = source.toLowerCase(java.util.Locale.ROOT);
    return s.startsWith("http://") || s.startsWith("https://");
  }

  static String nameOf(String source) {
    String path = isUrl(source) ? URI.create(source).getPath() : source;
    String name = Path.of(path == null || path.isEmpty() ? "download" : path).getFileName().toString();
    return name.isEmpty() ? "download" : name;
  }

  Path resolve(String source) throws IOException, InterruptedException {
    if (!isUrl(source)) {
      Path path = Path.of(source).toAbsolutePath();
      if (!Files.isRegularFile(path)) {
        throw new NoSuchFileException(path.toString(), null, "no such file");
      }
      return path;
    }
    return download(URI.create(source));
  }

  private Path download(URI uri) throws IOException, InterruptedException {
    Files.createDirectories(rawDirectory);
    Path target = rawDirectory.resolve(nameOf(uri.toString()));
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    Path metaFile = target.resolveSibling(target.getFileName() + ".meta");
    String key = "raw/" + target.getFileName();
    if (store.remote() && !Files.exists(target) && !Files.exists(partial) && store.get(key + ".meta", metaFile)) {
      if (!store.get(key, target)) {
        Files.delete(metaFile);
      }
    }
    Properties meta = new Properties();
    if (Files.exists(metaFile)) {
      try (InputStream in = Files.newInputStream(metaFile)) {
        meta.load(in);
      }
    }
    var request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30)).GET();
    long resumeFrom = Files.exists(partial) ? Files.size(partial) : 0;
    if (resumeFrom > 0) {
      request.header("Range", "bytes=" + resumeFrom + "-");
      if (meta.getProperty("etag") != null) {
        request.header("If-Range", meta.getProperty("etag"));
      }
    } else if (Files.exists(target)) {
      if (meta.getProperty("etag") != null) {
        request.header("If-None-Match", meta.getProperty("etag"));
      }
      if (meta.getProperty("lastModified") != null) {
        request.header("If-Modified-Since", meta.getProperty("lastModified"));
      }
    }
    HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    int status = response.statusCode();
    if (status == 304) {
      response.body().close();
      log.info("{} not modified since the last download; using {}", uri, target);
      return target;
    }
    if (status != 200 && status != 206) {
      response.body().close();
      throw new IOException("Download of " + uri + " failed: HTTP " + status);
    }
    boolean append = status == 206;
    try (InputStream in = response.body();
        OutputStream out =
            Files.newOutputStream(
                partial,
                StandardOpenOption.CREATE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
      in.transferTo(out);
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    response.headers().firstValue("ETag").ifPresent(v -> meta.setProperty("etag", v));
    response.headers().firstValue("Last-Modified").ifPresent(v -> meta.setProperty("lastModified", v));
    meta.setProperty("url", uri.toString());
    try (OutputStream out = Files.newOutputStream(metaFile)) {
      meta.store(out, "MedSales raw-file store: where this file came from");
    }
    if (store.remote()) {
      store.put(key, target);
      store.put(key + ".meta", metaFile); // after the file: a meta object always has its file
    }
    return target;
  }
}
