package com.medsales.provider.internal;

import com.medsales.ingest.CsvHeader;
import com.medsales.ingest.Reject;
import com.medsales.shared.Npi;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * The files beside {@code npidata_pfile} in an NPPES archive: secondary practice locations ({@code
 * pl_pfile}) and other organisation names ({@code othername_pfile}). Rows are numbered by their
 * line so that several rows of one NPI need not be next to each other.
 */
final class SideFileReaders {

  private SideFileReaders() {}

  /** Reads {@code pl_pfile}: NPI and one secondary practice location a row. Returns rows read. */
  static long secondaryLocations(
      String fileName,
      Reader input,
      RegistryWriters out,
      NpiDataReader addressWriter,
      NpiDataReader.Counts counts,
      Consumer<Reject> rejects)
      throws IOException, CsvHeader.MissingColumn {
    long rows = 0;
    try (CsvReader<CsvRecord> csv = reader(input)) {
      Iterator<CsvRecord> it = csv.iterator();
      if (!it.hasNext()) {
        return 0;
      }
      CsvHeader h = new CsvHeader(fileName, it.next().getFields());
      String base = "Provider Secondary Practice Location Address - ";
      int npi = h.required("NPI");
      int line1 = h.required(base + "Address Line 1");
      int line2 = h.required(base + "Address Line 2");
      int city = h.required(base + "City Name");
      int state = h.required(base + "State Name");
      int postal = h.required(base + "Postal Code");
      int country = h.required(base + "Country Code (If outside U.S.)");
      int phone = h.required(base + "Telephone Number");
      int fax = h.optional("Provider Practice Location Address - Fax Number", base + "Fax Number");
      while (it.hasNext()) {
        CsvRecord row = it.next();
        rows++;
        String npiText = row.getField(npi);
        String problem = Npi.problem(npiText);
        if (row.getFieldCount() != h.size()) {
          rejects.accept(
              new Reject(
                  fileName,
                  row.getStartingLineNumber(),
                  null,
                  "Expected " + h.size() + " fields, found " + row.getFieldCount(),
                  null));
          continue;
        }
        if (problem != null) {
          rejects.accept(
              new Reject(fileName, row.getStartingLineNumber(), "NPI", problem, npiText));
          continue;
        }
        String zip = row.getField(postal);
        if (Fields.domestic(row.getField(country)) && !zip.isEmpty() && !Fields.validZip(zip)) {
          rejects.accept(
              new Reject(
                  fileName,
                  row.getStartingLineNumber(),
                  h.name(postal),
                  "Not a ZIP or ZIP+4",
                  zip));
          continue;
        }
        addressWriter.writeAddressRow(
            out,
            Long.parseLong(npiText),
            "SECONDARY",
            (int) row.getStartingLineNumber(),
            row.getField(line1),
            row.getField(line2),
            row.getField(city),
            row.getField(state),
            zip,
            row.getField(country),
            row.getField(phone),
            fax < 0 ? "" : row.getField(fax),
            true,
            counts);
      }
    }
    return rows;
  }

  /**
   * Reads {@code othername_pfile}: NPI, other organisation name, its type code. Returns rows read.
   */
  static long otherNames(
      String fileName, Reader input, RegistryWriters out, Consumer<Reject> rejects)
      throws IOException, CsvHeader.MissingColumn {
    long rows = 0;
    try (CsvReader<CsvRecord> csv = reader(input)) {
      Iterator<CsvRecord> it = csv.iterator();
      if (!it.hasNext()) {
        return 0;
      }
      CsvHeader h = new CsvHeader(fileName, it.next().getFields());
      int npi = h.required("NPI");
      int name = h.required("Provider Other Organization Name");
      int type = h.required("Provider Other Organization Name Type Code");
      while (it.hasNext()) {
        CsvRecord row = it.next();
        rows++;
        String npiText = row.getField(npi);
        String problem = Npi.problem(npiText);
        if (problem != null) {
          rejects.accept(
              new Reject(fileName, row.getStartingLineNumber(), "NPI", problem, npiText));
          continue;
        }
        if (row.getField(name).isEmpty()) {
          continue;
        }
        // npidata's own other names take seq 1 and 2; these follow, numbered by line
        out.otherNames
            .field(Long.parseLong(npiText))
            .field(100 + row.getStartingLineNumber())
            .field(row.getField(name))
            .field(Fields.blankToNull(row.getField(type)))
            .field("OTHERNAME");
        out.otherNames.endRow();
      }
    }
    return rows;
  }

  private static CsvReader<CsvRecord> reader(Reader input) {
    return CsvReader.builder()
        .allowExtraFields(true)
        .allowMissingFields(true)
        .skipEmptyLines(true)
        .ofCsvRecord(input);
  }
}
