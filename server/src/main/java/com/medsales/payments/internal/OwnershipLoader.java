package com.medsales.payments.internal;

import static com.medsales.ingest.YearlyCsv.reject;
import static com.medsales.ingest.YearlyCsv.value;
import static com.medsales.ingest.YearlyTables.execute;

import com.medsales.ingest.CopyWriter;
import com.medsales.ingest.CsvHeader;
import com.medsales.ingest.Dataset;
import com.medsales.ingest.DatasetLoader;
import com.medsales.ingest.LoadContext;
import com.medsales.ingest.YearlyCsv;
import com.medsales.payments.Manufacturers;
import com.medsales.platform.BulkConnections;
import com.medsales.shared.Npi;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Loads one program year of Open Payments Ownership and Investment Interests ({@code
 * OP_DTL_OWNRSHP_PGYR<year>_*}): {@code Physician_*} columns in the 2016 sample, {@code
 * Covered_Recipient_*} from 2021; NPI where the file has one.
 */
@Component
class OwnershipLoader implements DatasetLoader {

  private static final String COLUMNS =
      "program_year, record_id, change_type, npi, profile_id, first_name, last_name, payer_name, manufacturer,"
          + " amount_invested, value_of_interest, terms_of_interest, interest_held_by, disputed, source_line, middle_name,"
          + " line1, line2, city, state, zip, country, specialty";

  private final BulkConnections connections;

  OwnershipLoader(BulkConnections connections) {
    this.connections = connections;
  }

  @Override
  public String kind() {
    return "openpayments-ownership";
  }

  @Override
  public Dataset dataset() {
    return Dataset.OPEN_PAYMENTS;
  }

  @Override
  public String description() {
    return "CMS Open Payments Ownership and Investment Interests, one program year";
  }

  @Override
  public Outcome load(LoadContext context) throws Exception {
    return YearlyCsv.loadOneCopy(
        context,
        connections,
        "program year",
        List.of("op_ownership"),
        "program_year",
        COLUMNS,
        (year, out) -> new Rows(year, out, context),
        (connection, tables) ->
            execute(connection, "CREATE INDEX ON " + tables.next("op_ownership") + " (npi)"));
  }

  private static final class Rows implements YearlyCsv.Rows {
    private final int year;
    private final CopyWriter out;
    private final LoadContext context;
    private int change,
        npi,
        profile,
        first,
        last,
        payer,
        invested,
        value,
        terms,
        heldBy,
        dispute,
        record,
        programYear;

    /**
     * The owner's middle name, business address and specialty (each -1 where the file lacks it), in
     * COPY order.
     */
    private int[] owner = new int[0];

    Rows(int year, CopyWriter out, LoadContext context) {
      this.year = year;
      this.out = out;
      this.context = context;
    }

    @Override
    public void header(CsvHeader h) throws Exception {
      String r =
          h.optional("Covered_Recipient_Profile_ID") >= 0 ? "Covered_Recipient" : "Physician";
      if (h.optional(r + "_Profile_ID") < 0 || h.optional("Total_Amount_Invested_USDollars") < 0) {
        throw new IllegalArgumentException(
            "Unknown Open Payments ownership layout in " + context.sourceName() + "");
      }
      change = h.required("Change_Type");
      npi = h.optional(r + "_NPI");
      profile = h.required(r + "_Profile_ID");
      first = h.required(r + "_First_Name");
      last = h.required(r + "_Last_Name");
      payer = h.required("Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name");
      invested = h.required("Total_Amount_Invested_USDollars");
      value = h.required("Value_of_Interest");
      terms = h.required("Terms_of_Interest");
      heldBy = h.required("Interest_Held_by_Physician_or_an_Immediate_Family_Member");
      dispute = h.required("Dispute_Status_for_Publication");
      record = h.required("Record_ID");
      programYear = h.required("Program_Year");
      int specialty = h.optional(r + "_Specialty");
      owner =
          new int[] {
            h.optional(r + "_Middle_Name"),
            h.optional("Recipient_Primary_Business_Street_Address_Line1"),
            h.optional("Recipient_Primary_Business_Street_Address_Line2"),
            h.optional("Recipient_City"),
            h.optional("Recipient_State"),
            h.optional("Recipient_Zip_Code"),
            h.optional("Recipient_Country"),
            specialty >= 0 ? specialty : h.optional(r + "_Specialty_1")
          };
    }

    @Override
    public boolean row(CsvRecord row, CsvHeader header) throws IOException {
      String recordId = value(row, record);
      if (recordId == null || !recordId.matches("[0-9]{1,18}")) {
        return reject(context, row, "Record_ID", "Not a record ID", recordId);
      }
      String rowYear = value(row, programYear);
      if (rowYear != null && !rowYear.equals(String.valueOf(year))) {
        return reject(
            context,
            row,
            "Program_Year",
            "Program year " + rowYear + " in a file of " + year,
            rowYear);
      }
      for (int position : new int[] {invested, value}) {
        String amount = value(row, position);
        if (amount != null && !YearlyCsv.isDecimal(amount)) {
          return reject(context, row, header.name(position), "Not an amount", amount);
        }
      }
      String payerName = value(row, payer);
      if (payerName == null) {
        return reject(context, row, header.name(payer), "Missing payer", null);
      }
      String npiText = value(row, npi);
      if (npiText != null && Npi.problem(npiText) != null) {
        return reject(context, row, header.name(npi), Npi.problem(npiText), npiText);
      }
      String profileId = value(row, profile);
      if (profileId != null && !profileId.matches("[0-9]{1,18}")) {
        return reject(context, row, header.name(profile), "Not a profile ID", profileId);
      }
      out.field(year)
          .field(recordId)
          .field(value(row, change))
          .field(npiText)
          .field(profileId)
          .field(value(row, first))
          .field(value(row, last))
          .field(payerName)
          .field(Manufacturers.canonical(payerName))
          .field(value(row, invested))
          .field(value(row, value))
          .field(value(row, terms))
          .field(value(row, heldBy))
          .field("Yes".equalsIgnoreCase(value(row, dispute)))
          .field(row.getStartingLineNumber());
      for (int position : owner) {
        out.field(value(row, position));
      }
      out.endRow();
      return true;
    }
  }
}
