package com.medsales.payments.internal;

import com.medsales.ingest.CsvHeader;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which of the three Open Payments files a file is, from its header (as the loaders recognise
 * vintages): research payments name principal investigators and a study, ownership interests an
 * amount invested or a value of interest; anything else is read as general payments, whose loader
 * then checks its columns.
 */
final class OpenPaymentsFiles {

  static final String GENERAL = "openpayments";
  static final String RESEARCH = "openpayments-research";
  static final String OWNERSHIP = "openpayments-ownership";

  private OpenPaymentsFiles() {}

  static String kindOf(Path file, String sourceName) throws IOException {
    try (var reader =
        CsvReader.builder()
            .allowExtraFields(true)
            .allowMissingFields(true)
            .skipEmptyLines(true)
            .ofCsvRecord(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      var first = reader.iterator();
      if (!first.hasNext()) {
        throw new IOException(sourceName + " is empty: no header row");
      }
      return kindOf(new CsvHeader(sourceName, first.next().getFields()));
    }
  }

  static String kindOf(CsvHeader h) {
    if (h.optional("Principal_Investigator_1_Profile_ID") >= 0
        || h.optional("Name_of_Study") >= 0) {
      return RESEARCH;
    }
    if (h.optional("Total_Amount_Invested_USDollars") >= 0
        || h.optional("Value_of_Interest") >= 0) {
      return OWNERSHIP;
    }
    return GENERAL;
  }
}
