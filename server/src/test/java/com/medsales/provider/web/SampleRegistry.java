package com.medsales.provider.web;

import com.medsales.ingest.Ingestion;
import com.medsales.testing.Ingestions;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real NPPES samples as the search tests use them: 998 organisations of December 2021, 99
 * providers of 2018.
 */
final class SampleRegistry {

  static final long PROVIDERS = 998 + 99;

  private SampleRegistry() {}

  /** Loads the two samples unless the shared test database has them already. */
  static void load(Ingestion ingestion, JdbcClient jdbc, Path dir) throws Exception {
    if (jdbc.sql("SELECT count(*) FROM provider").query(Long.class).single() == PROVIDERS) {
      return;
    }
    Ingestions.runWhenFree(
        ingestion,
        "nppes",
        copy(dir, "nppes/npidata_pfile_2021-12_organizations_998.csv").toString());
    Ingestions.runWhenFree(
        ingestion, "nppes-weekly", copy(dir, "nppes/npidata_pfile_2018_sample_99.csv").toString());
  }

  static Path copy(Path dir, String resource) throws IOException {
    Path file = dir.resolve(Path.of(resource).getFileName().toString());
    try (InputStream in = SampleRegistry.class.getResourceAsStream("/demo/" + resource)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  /** The bundled CSV's real rows, each row's values by column name. */
  static List<Map<String, String>> rows(String resource) {
    try (InputStream in = SampleRegistry.class.getResourceAsStream("/demo/" + resource);
        var reader =
            CsvReader.builder()
                .ofNamedCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<Map<String, String>> rows = new ArrayList<>();
      for (NamedCsvRecord row : reader) {
        rows.add(new java.util.LinkedHashMap<>(row.getFieldsAsMap()));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes rows (all with the same columns) as a CSV named {@code name}, each row changed by {@code
   * change}.
   */
  static Path write(
      Path dir,
      String name,
      List<Map<String, String>> rows,
      Function<Map<String, String>, Map<String, String>> change)
      throws IOException {
    Path file = dir.resolve(name);
    try (var writer = CsvWriter.builder().build(file)) {
      writer.writeRecord(rows.get(0).keySet());
      for (Map<String, String> row : rows) {
        writer.writeRecord(change.apply(row).values());
      }
    }
    return file;
  }
}
