package com.medsales.payments.internal;

import static com.medsales.ingest.YearlyTables.execute;

import com.medsales.ingest.CopyWriter;
import com.medsales.ingest.CsvHeader;
import com.medsales.ingest.Dataset;
import com.medsales.ingest.DatasetLoader;
import com.medsales.ingest.LoadContext;
import com.medsales.ingest.Reject;
import com.medsales.ingest.UnknownDatasetVintage;
import com.medsales.ingest.VintageRecogniser;
import com.medsales.ingest.YearlyCsv;
import com.medsales.ingest.YearlyTables;
import com.medsales.payments.Manufacturers;
import com.medsales.platform.BulkConnections;
import com.medsales.shared.Npi;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads one program year of Open Payments General Payments ({@code OP_DTL_GNRL_PGYR<year>_*.csv}).
 * The recipient columns are {@code Covered_Recipient_*} from program year 2021 and {@code
 * Physician_*} before (no NPI column in the oldest files: those rows link by profile ID only); the
 * vintage is recognised from the header. Amounts are exact decimals, dates MM/DD/YYYY, disputes and
 * Change_Type kept; rows whose recipient has no NPI are kept too.
 */
@Component
class GeneralPaymentsLoader implements DatasetLoader {

  static final List<String> TABLES = List.of("op_general_payment", "op_rollup");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String COLUMNS =
      "program_year, record_id, change_type, recipient_type, npi, profile_id, teaching_hospital_ccn, teaching_hospital_id,"
          + " teaching_hospital_name, first_name, middle_name, last_name, name_suffix, city, state, zip, country,"
          + " primary_type, specialty, payer_id, payer_name, manufacturer, amount, payment_date, number_of_payments, form,"
          + " nature, travel_city, travel_state, travel_country, third_party, disputed, products, source_line";

  private final BulkConnections connections;
  private final ResearchPaymentsLoader research;
  private final OwnershipLoader ownership;

  GeneralPaymentsLoader(
      BulkConnections connections, ResearchPaymentsLoader research, OwnershipLoader ownership) {
    this.connections = connections;
    this.research = research;
    this.ownership = ownership;
  }

  @Override
  public String kind() {
    return OpenPaymentsFiles.GENERAL;
  }

  @Override
  public Dataset dataset() {
    return Dataset.OPEN_PAYMENTS;
  }

  @Override
  public String description() {
    return "CMS Open Payments, one program year (--year, or read from the file name): General Payments, or a Research"
        + " Payments or Ownership file recognised from its header";
  }

  /** Column positions by field, for the recognised vintage. */
  private static final class Columns {
    final Map<String, Integer> at = new LinkedHashMap<>();
    final String vintage;

    Columns(CsvHeader h, String fileName) throws CsvHeader.MissingColumn, UnknownDatasetVintage {
      boolean covered = VINTAGES.recognise(h, fileName).vintage() == Recipient.COVERED_RECIPIENT;
      vintage = covered ? "Covered_Recipient" : "Physician";
      String r = vintage;
      at.put("npi", h.optional(r + "_NPI"));
      at.put("profile", h.required(r + "_Profile_ID"));
      at.put("first", h.required(r + "_First_Name"));
      at.put("middle", h.required(r + "_Middle_Name"));
      at.put("last", h.required(r + "_Last_Name"));
      at.put("suffix", h.required(r + "_Name_Suffix"));
      at.put(
          "primaryType",
          covered
              ? h.required("Covered_Recipient_Primary_Type_1")
              : h.required("Physician_Primary_Type"));
      at.put(
          "specialty",
          covered
              ? h.required("Covered_Recipient_Specialty_1")
              : h.required("Physician_Specialty"));
      for (String[] f :
          new String[][] {
            {"change", "Change_Type"},
            {"recipientType", "Covered_Recipient_Type"},
            {"ccn", "Teaching_Hospital_CCN"},
            {"hospitalId", "Teaching_Hospital_ID"},
            {"hospital", "Teaching_Hospital_Name"},
            {"city", "Recipient_City"},
            {"state", "Recipient_State"},
            {"zip", "Recipient_Zip_Code"},
            {"country", "Recipient_Country"},
            {"payerId", "Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_ID"},
            {"payer", "Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name"},
            {"amount", "Total_Amount_of_Payment_USDollars"},
            {"date", "Date_of_Payment"},
            {"count", "Number_of_Payments_Included_in_Total_Amount"},
            {"form", "Form_of_Payment_or_Transfer_of_Value"},
            {"nature", "Nature_of_Payment_or_Transfer_of_Value"},
            {"travelCity", "City_of_Travel"},
            {"travelState", "State_of_Travel"},
            {"travelCountry", "Country_of_Travel"},
            {"thirdParty", "Third_Party_Payment_Recipient_Indicator"},
            {"record", "Record_ID"},
            {"dispute", "Dispute_Status_for_Publication"},
            {"year", "Program_Year"}
          }) {
        at.put(f[0], h.required(f[1]));
      }
      for (int n = 1; n <= 5; n++) {
        at.put(
            "productType" + n,
            h.required("Indicate_Drug_or_Biological_or_Device_or_Medical_Supply_" + n));
        at.put("productCategory" + n, h.required("Product_Category_or_Therapeutic_Area_" + n));
        at.put(
            "productName" + n,
            h.required("Name_of_Drug_or_Biological_or_Device_or_Medical_Supply_" + n));
        at.put("productNdc" + n, h.required("Associated_Drug_or_Biological_NDC_" + n));
        at.put("productPdi" + n, h.optional("Associated_Device_or_Medical_Supply_PDI_" + n));
      }
    }

    @Nullable String get(CsvRecord row, String field) {
      int position = at.get(field);
      if (position < 0) {
        return null;
      }
      String value = row.getField(position).strip();
      return value.isEmpty() ? null : value;
    }

    int position(String field) {
      return at.get(field);
    }
  }

  /**
   * The vintages, named for the recipient's columns: {@code Covered_Recipient_*} from 2021, {@code
   * Physician_*} before.
   */
  private enum Recipient {
    COVERED_RECIPIENT("Covered_Recipient_Profile_ID"),
    PHYSICIAN("Physician_Profile_ID");

    final String profileId;

    Recipient(String profileId) {
      this.profileId = profileId;
    }
  }

  /**
   * The recipient's profile ID column tells the vintage; the other columns are each required of it
   * below.
   */
  private static final VintageRecogniser<Recipient> VINTAGES =
      new VintageRecogniser<>(
          "Open Payments",
          Recipient.class,
          vintage -> List.of(vintage.profileId),
          Set.of(0),
          Set.of(),
          "neither Covered_Recipient_Profile_ID nor Physician_Profile_ID");

  @Override
  public Outcome load(LoadContext context) throws Exception {
    // `ingest openpayments` takes any of the three files: the others go to their own loader, and
    // the run is recorded
    // as their kind (so that /health's count stays the general payments')
    String kind = OpenPaymentsFiles.kindOf(context.file(), context.sourceName());
    if (!kind.equals(kind())) {
      context.recognisedAs(kind);
      return kind.equals(research.kind()) ? research.load(context) : ownership.load(context);
    }
    return YearlyCsv.loadOneCopy(
        context,
        connections,
        "program year",
        TABLES,
        "program_year",
        COLUMNS,
        (year, out) -> new Rows(year, out, context),
        (connection, tables) -> prepare(connection, tables, tables.year(), context.runId()));
  }

  /** Checks each row and writes it into the year's table. */
  private static final class Rows implements YearlyCsv.Rows {
    private final int year;
    private final CopyWriter out;
    private final LoadContext context;
    private @Nullable Columns columns;

    Rows(int year, CopyWriter out, LoadContext context) {
      this.year = year;
      this.out = out;
      this.context = context;
    }

    @Override
    public void header(CsvHeader header) throws Exception {
      columns = new Columns(header, context.sourceName());
    }

    @Override
    public boolean row(CsvRecord row, CsvHeader header) throws IOException {
      return write(row, columns, header, year, out, context);
    }
  }

  private static boolean write(
      CsvRecord row,
      Columns columns,
      CsvHeader header,
      int year,
      CopyWriter out,
      LoadContext context)
      throws IOException {
    long line = row.getStartingLineNumber();
    String file = context.sourceName();
    String record = columns.get(row, "record");
    if (record == null || !record.matches("[0-9]{1,18}")) {
      return reject(context, file, line, "Record_ID", "Not a record ID", record);
    }
    String programYear = columns.get(row, "year");
    if (programYear != null && !programYear.equals(String.valueOf(year))) {
      return reject(
          context,
          file,
          line,
          "Program_Year",
          "Program year " + programYear + " in a file of " + year,
          programYear);
    }
    String npi = columns.get(row, "npi");
    if (npi != null && Npi.problem(npi) != null) {
      return reject(
          context, file, line, header.name(columns.position("npi")), Npi.problem(npi), npi);
    }
    String profile = columns.get(row, "profile");
    if (profile != null && !profile.matches("[0-9]{1,18}")) {
      return reject(
          context,
          file,
          line,
          header.name(columns.position("profile")),
          "Not a profile ID",
          profile);
    }
    String amount = columns.get(row, "amount");
    if (amount == null || !YearlyCsv.isDecimal(amount)) {
      return reject(
          context, file, line, "Total_Amount_of_Payment_USDollars", "Not an amount", amount);
    }
    String date = columns.get(row, "date");
    LocalDate paid = YearlyCsv.usDate(date);
    if (paid == null) {
      return reject(context, file, line, "Date_of_Payment", "Not a date (MM/DD/YYYY)", date);
    }
    String count = columns.get(row, "count");
    if (count != null && !count.matches("[0-9]{1,9}")) {
      return reject(
          context,
          file,
          line,
          "Number_of_Payments_Included_in_Total_Amount",
          "Not a whole number",
          count);
    }
    String payer = columns.get(row, "payer");
    if (payer == null) {
      return reject(
          context, file, line, header.name(columns.position("payer")), "Missing payer", null);
    }
    List<Map<String, String>> products = new ArrayList<>();
    for (int n = 1; n <= 5; n++) {
      String name = columns.get(row, "productName" + n);
      String category = columns.get(row, "productCategory" + n);
      if (name == null && category == null) {
        continue;
      }
      Map<String, String> product = new LinkedHashMap<>();
      product.put("type", columns.get(row, "productType" + n));
      product.put("category", category);
      product.put("name", name);
      product.put("ndc", columns.get(row, "productNdc" + n));
      product.put("pdi", columns.get(row, "productPdi" + n));
      products.add(product);
    }
    out.field(year)
        .field(record)
        .field(columns.get(row, "change"))
        .field(columns.get(row, "recipientType"))
        .field(npi)
        .field(profile)
        .field(columns.get(row, "ccn"))
        .field(columns.get(row, "hospitalId"))
        .field(columns.get(row, "hospital"))
        .field(columns.get(row, "first"))
        .field(columns.get(row, "middle"))
        .field(columns.get(row, "last"))
        .field(columns.get(row, "suffix"))
        .field(columns.get(row, "city"))
        .field(columns.get(row, "state"))
        .field(columns.get(row, "zip"))
        .field(columns.get(row, "country"))
        .field(columns.get(row, "primaryType"))
        .field(columns.get(row, "specialty"))
        .field(columns.get(row, "payerId"))
        .field(payer)
        .field(Manufacturers.canonical(payer))
        .field(amount)
        .field(paid.toString())
        .field(count)
        .field(columns.get(row, "form"))
        .field(columns.get(row, "nature"))
        .field(columns.get(row, "travelCity"))
        .field(columns.get(row, "travelState"))
        .field(columns.get(row, "travelCountry"))
        .field(columns.get(row, "thirdParty"))
        .field("Yes".equalsIgnoreCase(columns.get(row, "dispute")))
        .field(JSON.writeValueAsString(products))
        .field(line);
    out.endRow();
    return true;
  }

  private static void prepare(Connection c, YearlyTables tables, int year, long runId)
      throws SQLException {
    String payments = tables.next("op_general_payment");
    execute(c, "SET maintenance_work_mem = '512MB'");
    execute(c, "CREATE INDEX ON " + payments + " (npi) WHERE npi IS NOT NULL");
    execute(c, "CREATE INDEX ON " + payments + " (profile_id)");
    execute(c, "CREATE INDEX ON " + payments + " (manufacturer)");
    tables.create(c, "op_rollup");
    // deleted records carry no money; everything else counts, disputed payments also apart
    execute(
        c,
        """
        INSERT INTO %2$s (program_year, npi, payments, total_amount, disputed_amount, by_manufacturer, by_nature, by_product,
                          specialty, state, amount_percentile)
        WITH p AS (SELECT * FROM %1$s WHERE npi IS NOT NULL AND coalesce(change_type, '') <> 'DELETED'),
        totals AS (
            SELECT npi, count(*) AS payments, sum(amount) AS total, coalesce(sum(amount) FILTER (WHERE disputed), 0) AS disputed,
                   mode() WITHIN GROUP (ORDER BY specialty) AS specialty, mode() WITHIN GROUP (ORDER BY state) AS state
            FROM p GROUP BY npi),
        manufacturers AS (
            SELECT npi, jsonb_agg(jsonb_build_object('name', name, 'amount', amount, 'payments', n) ORDER BY amount DESC, name) AS shares
            FROM (SELECT npi, min(payer_name) AS name, sum(amount) AS amount, count(*) AS n FROM p GROUP BY npi, manufacturer) m
            GROUP BY npi),
        natures AS (
            SELECT npi, jsonb_agg(jsonb_build_object('name', name, 'amount', amount, 'payments', n) ORDER BY amount DESC, name) AS shares
            FROM (SELECT npi, coalesce(nature, 'Not stated') AS name, sum(amount) AS amount, count(*) AS n FROM p GROUP BY 1, 2) x
            GROUP BY npi),
        products AS (
            SELECT npi, jsonb_agg(jsonb_build_object('name', name, 'amount', amount, 'payments', n) ORDER BY amount DESC, name) AS shares
            FROM (SELECT p.npi, coalesce(e->>'name', e->>'category') AS name, sum(p.amount) AS amount, count(*) AS n
                  FROM p, jsonb_array_elements(p.products) e GROUP BY 1, 2) x
            GROUP BY npi)
        SELECT %3$d, t.npi, t.payments, round(t.total, 2), round(t.disputed, 2), coalesce(m.shares, '[]'),
               coalesce(n.shares, '[]'), coalesce(pr.shares, '[]'), t.specialty, t.state,
               round((100 * percent_rank() OVER (PARTITION BY t.specialty, t.state ORDER BY t.total))::numeric, 2)
        FROM totals t LEFT JOIN manufacturers m USING (npi) LEFT JOIN natures n USING (npi) LEFT JOIN products pr USING (npi)
        """
            .formatted(payments, tables.next("op_rollup"), year));
    execute(c, "ALTER TABLE " + tables.next("op_rollup") + " ADD PRIMARY KEY (program_year, npi)");
    for (String table : TABLES) {
      execute(c, "ANALYZE " + tables.next(table));
    }
    recordAdded(c, tables, year, runId);
  }

  /**
   * What this load adds, by NPI, against the year as published now (all of it for a year not
   * published before): the change set that notifications read once the run is published.
   */
  private static void recordAdded(Connection c, YearlyTables tables, int year, long runId)
      throws SQLException {
    boolean published =
        YearlyTables.count(
                c, "SELECT count(*) FROM pg_class WHERE relname = 'op_rollup_y%d'".formatted(year))
            > 0;
    String live =
        published
            ? "LEFT JOIN op_rollup_y%d o ON o.npi = n.npi".formatted(year)
            : "LEFT JOIN (SELECT NULL::bigint AS npi, 0 AS payments, 0::numeric AS total_amount) o ON false";
    execute(
        c,
        """
        INSERT INTO op_rollup_change (run_id, program_year, npi, payments_added, amount_added, total_amount, top_payer)
        SELECT %1$d, %2$d, n.npi, n.payments - coalesce(o.payments, 0), n.total_amount - coalesce(o.total_amount, 0),
               n.total_amount, n.by_manufacturer->0->>'name'
        FROM %3$s n %4$s
        WHERE n.payments > coalesce(o.payments, 0)
        ON CONFLICT DO NOTHING
        """
            .formatted(runId, year, tables.next("op_rollup"), live));
  }

  private static boolean reject(
      LoadContext context,
      String file,
      long line,
      @Nullable String column,
      String reason,
      @Nullable String value) {
    context.reject(new Reject(file, line, column, reason, value));
    return false;
  }
}
