package com.medsales.provider.internal;

import com.medsales.geo.Geocoder;
import com.medsales.ingest.LoadContext;
import com.medsales.platform.BulkConnections;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the NPPES loaders share: checksum, reading an archive into loaded tables, and their
 * connections.
 */
@Component
class NppesLoads {

  private static final Logger log = LoggerFactory.getLogger(NppesLoads.class);

  private final BulkConnections connections;

  /**
   * Asked for when an NPPES file is read: the gazetteer behind it is read from the jar when it is
   * built, and a Part D or Part B ingest, which builds this bean too (every loader is one of the
   * ingestion's), never geocodes.
   */
  private final ObjectProvider<Geocoder> geocoder;

  NppesLoads(BulkConnections connections, ObjectProvider<Geocoder> geocoder) {
    this.connections = connections;
    this.geocoder = geocoder;
  }

  /** What reading an archive gave. */
  record Read(
      long rowsRead,
      long rowsLoaded,
      long practiceLocations,
      long notGeocoded,
      boolean hadSecondary,
      boolean hadOtherNames) {}

  Connection connection(String purpose) throws SQLException {
    return connections.open(purpose);
  }

  /**
   * SHA-256 of the source file, recorded on the run; reading 10 GB takes seconds, a needless load
   * takes minutes.
   */
  String checksum(LoadContext context) throws IOException {
    Path file = context.file();
    long size = Files.size(file);
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[1 << 20];
    long read = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
        read += n;
        context.progress("checksum", read, 0, 0);
      }
    }
    String sha = HexFormat.of().formatHex(digest.digest());
    context.sourceDigest(sha, size);
    return sha;
  }

  /**
   * Reads the archive's files into the tables {@code <table><suffix>}, committed but not published.
   */
  Read read(LoadContext context, String suffix) throws Exception {
    long fileSize = Files.size(context.file());
    try (NppesArchive archive = NppesArchive.open(context.file());
        RegistryWriters writers = new RegistryWriters(connections::open, suffix)) {
      NpiDataReader npiData;
      NpiDataReader.Counts counts;
      NpiDataReader.Progress progress =
          (rowsRead, rowsLoaded) ->
              context.progress(
                  "loading",
                  scaled(archive.bytesRead(), archive.totalBytes(), fileSize),
                  rowsRead,
                  rowsLoaded);
      try (var entry = archive.npiData()) {
        npiData = new NpiDataReader(entry.name, geocoder.getObject(), context::reject);
        counts = npiData.read(entry.reader(), writers, progress);
      }
      boolean secondary = false;
      var pl = archive.secondaryLocations();
      if (pl.isPresent()) {
        try (var entry = pl.get()) {
          SideFileReaders.secondaryLocations(
              entry.name, entry.reader(), writers, npiData, counts, context::reject);
          secondary = true;
        }
      }
      boolean otherNames = false;
      var on = archive.otherNames();
      if (on.isPresent()) {
        try (var entry = on.get()) {
          SideFileReaders.otherNames(entry.name, entry.reader(), writers, context::reject);
          otherNames = true;
        }
      }
      writers.finish();
      log.info(
          "{}: {} rows read, {} loaded, {} rejected; {} practice locations, {} not geocoded",
          context.sourceName(),
          counts.rowsRead,
          counts.rowsLoaded,
          context.rejectCount(),
          counts.practiceLocations,
          counts.notGeocoded);
      return new Read(
          counts.rowsRead,
          counts.rowsLoaded,
          counts.practiceLocations,
          counts.notGeocoded,
          secondary,
          otherNames);
    }
  }

  private static long scaled(long read, long total, long fileSize) {
    return total <= 0 ? read : (long) ((double) read / total * fileSize);
  }
}
