package com.medsales.provider.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The real NPPES sample rows bundled for the demo, and files made from them for tests. */
final class NppesSamples {

  static final String ORGANIZATIONS_2021 = "npidata_pfile_2021-12_organizations_998.csv";
  static final String SAMPLE_2018 = "npidata_pfile_2018_sample_99.csv";
  static final String HEAD_2020 = "npidata_pfile_2020_head_19.csv";

  private NppesSamples() {}

  static byte[] bytes(String name) {
    try (InputStream in = NppesSamples.class.getResourceAsStream("/demo/nppes/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static Path write(Path dir, String name, byte[] content) {
    try {
      return Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path copy(Path dir, String name) {
    return write(dir, name, bytes(name));
  }

  /** A monthly archive as CMS ships it: npidata, pl and othername files. */
  static Path monthlyZip(Path dir) throws IOException {
    Path zip = dir.resolve("NPPES_Data_Dissemination_December_2021.zip");
    try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String[] e :
          new String[][] {
            {"npidata_pfile_20050523-20211212.csv", ORGANIZATIONS_2021},
            {"npidata_pfile_20050523-20211212_fileheader.csv", null},
            {"pl_pfile_20050523-20211212.csv", "pl_pfile_head_9.csv"},
            {"othername_pfile_20050523-20211212.csv", "othername_pfile_head_9.csv"}
          }) {
        out.putNextEntry(new ZipEntry(e[0]));
        if (e[1] != null) {
          out.write(bytes(e[1]));
        } else {
          out.write(
              text(ORGANIZATIONS_2021)
                  .lines()
                  .findFirst()
                  .orElseThrow()
                  .getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
    return zip;
  }

  static List<NamedCsvRecord> rows(String name) {
    try (var reader = CsvReader.builder().ofNamedCsvRecord(text(name))) {
      List<NamedCsvRecord> rows = new ArrayList<>();
      reader.forEach(rows::add);
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's lines: header first; a line holds one record in these samples. */
  static List<String> lines(String name) {
    return new ArrayList<>(text(name).lines().toList());
  }

  static String joinLines(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }
}
