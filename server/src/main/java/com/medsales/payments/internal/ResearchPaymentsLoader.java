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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads one program year of Open Payments Research Payments ({@code OP_DTL_RSRCH_PGYR<year>_*.csv},
 * 166 columns in the samples of 2013 and 2014). Recipient columns are {@code Physician_*} there and
 * {@code Covered_Recipient_*} from 2021; up to five principal investigators each have a profile ID
 * and, in newer files, an NPI.
 */
@Component
class ResearchPaymentsLoader implements DatasetLoader {

  private static final String COLUMNS =
      "program_year, record_id, change_type, recipient_type, noncovered_entity, teaching_hospital_ccn,"
          + " teaching_hospital_name, recipient_npi, recipient_profile_id, investigator_npis, investigator_profile_ids,"
          + " payer_name, manufacturer, amount, payment_date, form, study, clinical_trials_id, products, disputed, source_line,"
          + " recipient_first_name, recipient_middle_name, recipient_last_name, recipient_line1, recipient_line2,"
          + " recipient_city, recipient_state, recipient_zip, recipient_country, recipient_specialty, investigators";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * A person's columns after its prefix ({@code Covered_Recipient}, {@code
   * Principal_Investigator_1}), by JSON key.
   */
  private static final String[][] PERSON = {
    {"first", "_First_Name"}, {"middle", "_Middle_Name"}, {"last", "_Last_Name"}
  };

  /**
   * The address columns of the recipient ({@code Recipient_City}) and of an investigator ({@code
   * ..._City}).
   */
  private static final String[][] ADDRESS = {
    {"line1", "_Street_Address_Line1"},
    {"line2", "_Street_Address_Line2"},
    {"city", "_City"},
    {"state", "_State"},
    {"zip", "_Zip_Code"},
    {"country", "_Country"}
  };

  private final BulkConnections connections;

  ResearchPaymentsLoader(BulkConnections connections) {
    this.connections = connections;
  }

  @Override
  public String kind() {
    return "openpayments-research";
  }

  @Override
  public Dataset dataset() {
    return Dataset.OPEN_PAYMENTS;
  }

  @Override
  public String description() {
    return "CMS Open Payments Research Payments, one program year";
  }

  @Override
  public Outcome load(LoadContext context) throws Exception {
    return YearlyCsv.loadOneCopy(
        context,
        connections,
        "program year",
        List.of("op_research_payment"),
        "program_year",
        COLUMNS,
        (year, out) -> new Rows(year, out, context),
        (connection, tables) -> {
          String t = tables.next("op_research_payment");
          execute(connection, "CREATE INDEX ON " + t + " USING gin (investigator_npis)");
          execute(
              connection,
              "CREATE INDEX ON " + t + " (recipient_npi) WHERE recipient_npi IS NOT NULL");
          execute(connection, "ANALYZE " + t);
        });
  }

  private static final class Rows implements YearlyCsv.Rows {
    private final int year;
    private final CopyWriter out;
    private final LoadContext context;
    private int change,
        type,
        entity,
        ccn,
        hospital,
        npi,
        profile,
        payer,
        amount,
        date,
        form,
        study,
        trial,
        dispute,
        record,
        programYear;
    private final int[] investigatorNpi = new int[5];
    private final int[] investigatorProfile = new int[5];
    private final List<Integer> products = new ArrayList<>();

    /**
     * The recipient's name, address and specialty columns, and each investigator's, by JSON key
     * (-1: absent).
     */
    private final Map<String, Integer> recipient = new LinkedHashMap<>();

    private final List<Map<String, Integer>> investigators = new ArrayList<>();

    Rows(int year, CopyWriter out, LoadContext context) {
      this.year = year;
      this.out = out;
      this.context = context;
    }

    @Override
    public void header(CsvHeader h) throws Exception {
      String r =
          h.optional("Covered_Recipient_Profile_ID") >= 0 ? "Covered_Recipient" : "Physician";
      if (h.optional(r + "_Profile_ID") < 0
          || h.optional("Principal_Investigator_1_Profile_ID") < 0) {
        throw new IllegalArgumentException(
            "Unknown Open Payments research layout in "
                + context.sourceName()
                + ": no recipient or principal investigator profile columns");
      }
      change = h.required("Change_Type");
      type = h.required("Covered_Recipient_Type");
      entity = h.optional("Noncovered_Recipient_Entity_Name");
      ccn = h.required("Teaching_Hospital_CCN");
      hospital = h.required("Teaching_Hospital_Name");
      npi = h.optional(r + "_NPI");
      profile = h.required(r + "_Profile_ID");
      for (int i = 0; i < 5; i++) {
        investigatorNpi[i] = h.optional("Principal_Investigator_" + (i + 1) + "_NPI");
        investigatorProfile[i] = h.required("Principal_Investigator_" + (i + 1) + "_Profile_ID");
      }
      // names and addresses: the Physician_* files (2013-2020) and the Covered_Recipient_* ones,
      // whose specialty is
      // the first of six (as the general payments' are); any of them may be missing from a file
      for (String[] column : PERSON) {
        recipient.put(column[0], h.optional(r + column[1]));
      }
      for (String[] column : ADDRESS) {
        recipient.put(
            column[0],
            h.optional(
                "Recipient"
                    + (column[0].startsWith("line") ? "_Primary_Business" : "")
                    + column[1]));
      }
      recipient.put("specialty", specialty(h, r));
      for (int i = 1; i <= 5; i++) {
        String pi = "Principal_Investigator_" + i;
        Map<String, Integer> at = new LinkedHashMap<>();
        for (String[] column : PERSON) {
          at.put(column[0], h.optional(pi + column[1]));
        }
        for (String[] column : ADDRESS) {
          at.put(
              column[0],
              h.optional(pi + (column[0].startsWith("line") ? "_Business" : "") + column[1]));
        }
        at.put("specialty", specialty(h, pi));
        investigators.add(at);
      }
      payer = h.required("Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name");
      amount = h.required("Total_Amount_of_Payment_USDollars");
      date = h.required("Date_of_Payment");
      form = h.required("Form_of_Payment_or_Transfer_of_Value");
      study = h.required("Name_of_Study");
      trial = h.optional("ClinicalTrials_Gov_Identifier");
      dispute = h.required("Dispute_Status_for_Publication");
      record = h.required("Record_ID");
      programYear = h.required("Program_Year");
      for (int i = 1; i <= 5; i++) {
        for (String name :
            new String[] {
              "Name_of_Associated_Covered_Drug_or_Biological" + i,
              "Name_of_Associated_Covered_Device_or_Medical_Supply" + i,
              "Name_of_Drug_or_Biological_or_Device_or_Medical_Supply_" + i
            }) {
          int position = h.optional(name);
          if (position >= 0) {
            products.add(position);
          }
        }
      }
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
      String amountText = value(row, amount);
      if (amountText == null || !YearlyCsv.isDecimal(amountText)) {
        return reject(
            context, row, "Total_Amount_of_Payment_USDollars", "Not an amount", amountText);
      }
      LocalDate paid = YearlyCsv.usDate(value(row, date));
      if (paid == null) {
        return reject(context, row, "Date_of_Payment", "Not a date (MM/DD/YYYY)", value(row, date));
      }
      String payerName = value(row, payer);
      if (payerName == null) {
        return reject(context, row, header.name(payer), "Missing payer", null);
      }
      String recipientNpi = value(row, npi);
      if (recipientNpi != null && Npi.problem(recipientNpi) != null) {
        return reject(context, row, header.name(npi), Npi.problem(recipientNpi), recipientNpi);
      }
      String recipientProfile = value(row, profile);
      List<String> npis = new ArrayList<>();
      List<String> profiles = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String n = value(row, investigatorNpi[i]);
        if (n != null) {
          if (Npi.problem(n) != null) {
            return reject(context, row, header.name(investigatorNpi[i]), Npi.problem(n), n);
          }
          npis.add(n);
        }
        String p = value(row, investigatorProfile[i]);
        if (p != null && p.matches("[0-9]{1,18}")) {
          profiles.add(p);
        }
      }
      if (recipientProfile != null && !recipientProfile.matches("[0-9]{1,18}")) {
        return reject(context, row, header.name(profile), "Not a profile ID", recipientProfile);
      }
      List<String> productNames = new ArrayList<>();
      for (int position : products) {
        String name = value(row, position);
        if (name != null) {
          productNames.add(name);
        }
      }
      out.field(year)
          .field(recordId)
          .field(value(row, change))
          .field(value(row, type))
          .field(value(row, entity))
          .field(value(row, ccn))
          .field(value(row, hospital))
          .field(recipientNpi)
          .field(recipientProfile)
          .field(array(npis))
          .field(array(profiles))
          .field(payerName)
          .field(Manufacturers.canonical(payerName))
          .field(amountText)
          .field(paid.toString())
          .field(value(row, form))
          .field(value(row, study))
          .field(value(row, trial))
          .field(array(productNames))
          .field("Yes".equalsIgnoreCase(value(row, dispute)))
          .field(row.getStartingLineNumber());
      for (int position : recipient.values()) {
        out.field(value(row, position));
      }
      out.field(investigators(row));
      out.endRow();
      return true;
    }

    /** The row's named principal investigators as a JSON array, blank fields left out. */
    private String investigators(CsvRecord row) {
      ArrayNode all = JSON.createArrayNode();
      for (int i = 0; i < 5; i++) {
        ObjectNode one = JSON.createObjectNode();
        String npi = value(row, investigatorNpi[i]);
        String profileId = value(row, investigatorProfile[i]);
        if (npi != null) {
          one.put("npi", Long.parseLong(npi));
        }
        if (profileId != null && profileId.matches("[0-9]{1,18}")) {
          one.put("profileId", Long.parseLong(profileId));
        }
        investigators
            .get(i)
            .forEach(
                (key, position) -> {
                  String text = value(row, position);
                  if (text != null) {
                    one.put(key, text);
                  }
                });
        if (!one.isEmpty()) {
          all.add(one);
        }
      }
      return JSON.writeValueAsString(all);
    }
  }

  /**
   * The specialty column of a person: {@code <prefix>_Specialty}, or the first of the newer files'
   * six.
   */
  private static int specialty(CsvHeader h, String prefix) {
    int single = h.optional(prefix + "_Specialty");
    return single >= 0 ? single : h.optional(prefix + "_Specialty_1");
  }

  /** A PostgreSQL array literal, elements quoted. */
  static String array(List<String> values) {
    var sb = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return sb.append('}').toString();
  }
}
