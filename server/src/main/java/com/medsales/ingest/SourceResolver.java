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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a user gave (a local path, or an HTTP(S) URL) into a local file. A download goes into
 * the raw-file store ({@code MEDSALES_HOME/raw} by default), resumes a partial download with a
 * Range request, and asks the server with {@code If-None-Match}/{@code If-Modified-Since} whether
 * the file changed since it was last fetched. With a remote {@link FileStore} (S3) each download is
 * also kept there under {@code raw/}, and a task whose disk lacks the file (a new ECS task) fetches
 * it from there first, so the conditional GET still saves the download.
 */
final class SourceResolver {

  private static final Logger log = LoggerFactory.getLogger(SourceResolver.class);

  private final Path rawDirectory;
  private final FileStore store;
  private final HttpClient http =
      // redirects are followed here, hop by hop, so that a confined run checks each hop
      // (SourcePolicy)
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(30))
          .build();

  static final int MAX_REDIRECTS = 5;

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

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  static String nameOf(String source) {
    String path = isUrl(source) ? URI.create(source).getPath() : source;
    String name =
        Path.of(path == null || path.isEmpty() ? "download" : path).getFileName().toString();
    return name.isEmpty() ? "download" : name;
  }

  Path resolve(String source) throws IOException, InterruptedException {
    return resolve(source, null);
  }

  /**
   * As {@link #resolve(String)}; with a {@code policy} (a run asked for through the API) a path
   * must be under the ingestion directories, and a URL and every redirect hop on an allowed host
   * with public addresses only.
   */
  Path resolve(String source, @Nullable SourcePolicy policy)
      throws IOException, InterruptedException {
    if (policy != null) {
      if (!isUrl(source)) {
        return policy.checkPath(source);
      }
      return download(policy.checkUrl(source), policy);
    }
    if (!isUrl(source)) {
      Path path = Path.of(source).toAbsolutePath();
      if (!Files.isRegularFile(path)) {
        throw new NoSuchFileException(path.toString(), null, "no such file");
      }
      return path;
    }
    return download(URI.create(source), null);
  }

  private Path download(URI uri, @Nullable SourcePolicy policy)
      throws IOException, InterruptedException {
    Files.createDirectories(rawDirectory);
    Path target = rawDirectory.resolve(nameOf(uri.toString()));
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    Path metaFile = target.resolveSibling(target.getFileName() + ".meta");
    String key = "raw/" + target.getFileName();
    if (store.remote()
        && !Files.exists(target)
        && !Files.exists(partial)
        && store.get(key + ".meta", metaFile)) {
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
    HttpRequest first = request.build();
    HttpResponse<InputStream> response =
        http.send(first, HttpResponse.BodyHandlers.ofInputStream());
    for (int hop = 0; isRedirect(response.statusCode()); hop++) {
      response.body().close();
      String location = response.headers().firstValue("Location").orElse(null);
      if (location == null || hop >= MAX_REDIRECTS) {
        throw new IOException(
            "Download of "
                + nameOf(uri.toString())
                + " failed: too many redirects, or one without a Location");
      }
      URI next = response.uri().resolve(location);
      if (policy != null) {
        next = policy.checkUrl(next.toString());
      }
      var hopRequest = HttpRequest.newBuilder(next).timeout(Duration.ofMinutes(30)).GET();
      first
          .headers()
          .map()
          .forEach((name, values) -> values.forEach(v -> hopRequest.header(name, v)));
      response = http.send(hopRequest.build(), HttpResponse.BodyHandlers.ofInputStream());
    }
    int status = response.statusCode();
    if (status == 304) {
      response.body().close();
      log.info("{} not modified since the last download; using {}", uri, target);
      return target;
    }
    if (status != 200 && status != 206) {
      response.body().close();
      throw new IOException(
          "Download of "
              + (policy == null ? uri : nameOf(uri.toString()))
              + " failed: HTTP "
              + status);
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
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    response.headers().firstValue("ETag").ifPresent(v -> meta.setProperty("etag", v));
    response
        .headers()
        .firstValue("Last-Modified")
        .ifPresent(v -> meta.setProperty("lastModified", v));
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
