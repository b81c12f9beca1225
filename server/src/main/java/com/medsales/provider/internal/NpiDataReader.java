package com.medsales.provider.internal;

import static com.medsales.provider.internal.Fields.BAD;
import static com.medsales.provider.internal.Fields.blankToNull;

import com.medsales.geo.GeoPoint;
import com.medsales.geo.Geocoder;
import com.medsales.ingest.CopyWriter;
import com.medsales.ingest.CsvHeader;
import com.medsales.ingest.Reject;
import com.medsales.shared.Npi;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an {@code npidata_pfile} (monthly or weekly: the same 329/330 columns, every field quoted,
 * dates MM/DD/YYYY) and writes each good row into the registry's COPY streams, one row at a time in
 * constant memory. A bad row becomes a {@link Reject} with its line, column and reason; it never
 * stops the file.
 */
final class NpiDataReader {

  private static final Logger log = LoggerFactory.getLogger(NpiDataReader.class);
  static final int TAXONOMY_SLOTS = 15;
  static final int IDENTIFIER_SLOTS = 50;

  /** Counts of one file. */
  static final class Counts {
    long rowsRead;
    long rowsLoaded;
    long practiceLocations;
    long notGeocoded;
  }

  interface Progress {
    void report(long rowsRead, long rowsLoaded);
  }

  private final String fileName;
  private final Geocoder geocoder;
  private final Consumer<Reject> rejects;

  // column positions, found by name
  private int npi,
      entityType,
      replacementNpi,
      orgName,
      lastName,
      firstName,
      middleName,
      prefix,
      suffix,
      credential;
  private int otherOrgName,
      otherOrgNameType,
      otherLast,
      otherFirst,
      otherMiddle,
      otherPrefix,
      otherSuffix,
      otherLastType;
  private final int[] mailing = new int[8];
  private final int[] practice = new int[8];
  private int enumerationDate,
      lastUpdateDate,
      deactivationReason,
      deactivationDate,
      reactivationDate,
      sex;
  private int aoLast, aoFirst, aoMiddle, aoTitle, aoPhone, aoPrefix, aoSuffix, aoCredential;
  private int soleProprietor, orgSubpart, parentLbn, parentTin, certificationDate;
  private final int[] taxCode = new int[TAXONOMY_SLOTS];
  private final int[] taxLicense = new int[TAXONOMY_SLOTS];
  private final int[] taxLicenseState = new int[TAXONOMY_SLOTS];
  private final int[] taxPrimary = new int[TAXONOMY_SLOTS];
  private final int[] taxGroup = new int[TAXONOMY_SLOTS];
  private final int[] idValue = new int[IDENTIFIER_SLOTS];
  private final int[] idType = new int[IDENTIFIER_SLOTS];
  private final int[] idState = new int[IDENTIFIER_SLOTS];
  private final int[] idIssuer = new int[IDENTIFIER_SLOTS];
  private int columns;

  NpiDataReader(String fileName, Geocoder geocoder, Consumer<Reject> rejects) {
    this.fileName = fileName;
    this.geocoder = geocoder;
    this.rejects = rejects;
  }

  /**
   * Maps the header: a missing required column throws before any row is read. Columns this reader
   * does not know are logged once.
   */
  private void mapHeader(CsvHeader h) throws CsvHeader.MissingColumn {
    headerNames = h;
    columns = h.size();
    npi = h.required("NPI");
    entityType = h.required("Entity Type Code");
    replacementNpi = h.required("Replacement NPI");
    orgName = h.required("Provider Organization Name (Legal Business Name)");
    lastName = h.required("Provider Last Name (Legal Name)");
    firstName = h.required("Provider First Name");
    middleName = h.required("Provider Middle Name");
    prefix = h.required("Provider Name Prefix Text");
    suffix = h.required("Provider Name Suffix Text");
    credential = h.required("Provider Credential Text");
    otherOrgName = h.required("Provider Other Organization Name");
    otherOrgNameType = h.required("Provider Other Organization Name Type Code");
    otherLast = h.required("Provider Other Last Name");
    otherFirst = h.required("Provider Other First Name");
    otherMiddle = h.required("Provider Other Middle Name");
    otherPrefix = h.required("Provider Other Name Prefix Text");
    otherSuffix = h.required("Provider Other Name Suffix Text");
    h.optional("Provider Other Credential Text");
    otherLastType = h.required("Provider Other Last Name Type Code");
    address(h, "Mailing", mailing);
    address(h, "Practice Location", practice);
    enumerationDate = h.required("Provider Enumeration Date");
    lastUpdateDate = h.required("Last Update Date");
    deactivationReason = h.required("NPI Deactivation Reason Code");
    deactivationDate = h.required("NPI Deactivation Date");
    reactivationDate = h.required("NPI Reactivation Date");
    sex = h.required("Provider Sex Code", "Provider Gender Code");
    aoLast = h.required("Authorized Official Last Name");
    aoFirst = h.required("Authorized Official First Name");
    aoMiddle = h.required("Authorized Official Middle Name");
    aoTitle = h.required("Authorized Official Title or Position");
    aoPhone = h.required("Authorized Official Telephone Number");
    for (int i = 0; i < TAXONOMY_SLOTS; i++) {
      int n = i + 1;
      taxCode[i] = h.required("Healthcare Provider Taxonomy Code_" + n);
      taxLicense[i] = h.required("Provider License Number_" + n);
      taxLicenseState[i] = h.required("Provider License Number State Code_" + n);
      taxPrimary[i] = h.required("Healthcare Provider Primary Taxonomy Switch_" + n);
      taxGroup[i] = h.optional("Healthcare Provider Taxonomy Group_" + n);
    }
    for (int i = 0; i < IDENTIFIER_SLOTS; i++) {
      int n = i + 1;
      idValue[i] = h.required("Other Provider Identifier_" + n);
      idType[i] = h.required("Other Provider Identifier Type Code_" + n);
      idState[i] = h.required("Other Provider Identifier State_" + n);
      idIssuer[i] = h.required("Other Provider Identifier Issuer_" + n);
    }
    soleProprietor = h.optional("Is Sole Proprietor");
    orgSubpart = h.optional("Is Organization Subpart");
    parentLbn = h.optional("Parent Organization LBN");
    parentTin = h.optional("Parent Organization TIN");
    aoPrefix = h.optional("Authorized Official Name Prefix Text");
    aoSuffix = h.optional("Authorized Official Name Suffix Text");
    aoCredential = h.optional("Authorized Official Credential Text");
    certificationDate = h.optional("Certification Date");
    h.optional("Employer Identification Number (EIN)");
    var unused = h.unused();
    if (!unused.isEmpty()) {
      log.warn(
          "{}: ignoring {} column(s) this version does not know: {}",
          fileName,
          unused.size(),
          unused);
    }
  }

  private static void address(CsvHeader h, String kind, int[] positions)
      throws CsvHeader.MissingColumn {
    String base = "Provider Business " + kind + " Address ";
    positions[0] = h.required("Provider First Line Business " + kind + " Address");
    positions[1] = h.required("Provider Second Line Business " + kind + " Address");
    positions[2] = h.required(base + "City Name");
    positions[3] = h.required(base + "State Name");
    positions[4] = h.required(base + "Postal Code");
    positions[5] = h.required(base + "Country Code (If outside U.S.)");
    positions[6] = h.required(base + "Telephone Number");
    positions[7] = h.required(base + "Fax Number");
  }

  /** Reads the whole file into {@code out}. */
  Counts read(Reader input, RegistryWriters out, Progress progress)
      throws IOException, CsvHeader.MissingColumn {
    var counts = new Counts();
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .allowExtraFields(true)
            .allowMissingFields(true)
            .skipEmptyLines(true)
            .ofCsvRecord(input)) {
      Iterator<CsvRecord> rows = csv.iterator();
      if (!rows.hasNext()) {
        throw new IOException(fileName + " is empty: no header row");
      }
      mapHeader(new CsvHeader(fileName, rows.next().getFields()));
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        counts.rowsRead++;
        String problem = write(row, out, counts);
        if (problem == null) {
          counts.rowsLoaded++;
        }
        if ((counts.rowsRead & 1023) == 0) {
          progress.report(counts.rowsRead, counts.rowsLoaded);
        }
      }
    }
    progress.report(counts.rowsRead, counts.rowsLoaded);
    return counts;
  }

  /**
   * Checks a row and writes it; returns null when written, else the reason (already recorded as a
   * reject).
   */
  private @Nullable String write(CsvRecord row, RegistryWriters out, Counts counts)
      throws IOException {
    long line = row.getStartingLineNumber();
    if (row.getFieldCount() != columns) {
      return reject(
          line, null, "Expected " + columns + " fields, found " + row.getFieldCount(), null);
    }
    for (int i = 0; i < columns; i++) {
      if (row.getField(i).indexOf('\uFFFD') >= 0) {
        return reject(line, headerName(i), "Not valid UTF-8 text", row.getField(i));
      }
    }
    String npiText = row.getField(npi);
    String npiProblem = Npi.problem(npiText);
    if (npiProblem != null) {
      return reject(line, "NPI", npiProblem, npiText);
    }
    String type = row.getField(entityType);
    String deactivated = Fields.isoDate(row.getField(deactivationDate));
    if (!type.isEmpty() && !type.equals("1") && !type.equals("2")) {
      return reject(line, "Entity Type Code", "Entity type must be 1, 2 or blank", type);
    }
    if (type.isEmpty() && deactivated == null) {
      return reject(
          line, "Entity Type Code", "Blank entity type on a row that is not deactivated", type);
    }
    String replacement = row.getField(replacementNpi);
    if (!replacement.isEmpty() && !Npi.isValid(replacement)) {
      return reject(line, "Replacement NPI", "Not a valid NPI", replacement);
    }
    String[] dates = new String[5];
    int[] datePositions = {
      enumerationDate, lastUpdateDate, deactivationDate, reactivationDate, certificationDate
    };
    for (int i = 0; i < dates.length; i++) {
      if (datePositions[i] < 0) {
        continue;
      }
      dates[i] = Fields.isoDate(row.getField(datePositions[i]));
      if (dates[i] == BAD) {
        return reject(
            line,
            headerName(datePositions[i]),
            "Not a date (MM/DD/YYYY)",
            row.getField(datePositions[i]));
      }
    }
    String addressProblem = checkAddress(row, mailing, line);
    if (addressProblem == null) {
      addressProblem = checkAddress(row, practice, line);
    }
    if (addressProblem != null) {
      return addressProblem;
    }
    for (int i = 0; i < TAXONOMY_SLOTS; i++) {
      String code = row.getField(taxCode[i]);
      if (!code.isEmpty() && !Fields.validTaxonomy(code)) {
        return reject(line, headerName(taxCode[i]), "Not a taxonomy code", code);
      }
      String licenseState = row.getField(taxLicenseState[i]);
      if (!licenseState.isEmpty() && !Fields.US_STATES.contains(licenseState)) {
        return reject(line, headerName(taxLicenseState[i]), "Unknown state code", licenseState);
      }
    }

    long npiValue = Long.parseLong(npiText);
    boolean organization = type.equals("2");
    boolean active =
        deactivated == null || (dates[3] != null && dates[3].compareTo(deactivated) >= 0);

    var names = new Fields.Fingerprint();
    for (int p :
        new int[] {orgName, lastName, firstName, middleName, prefix, suffix, credential, sex}) {
      names.add(row.getField(p));
    }
    var status =
        new Fields.Fingerprint()
            .add(row.getField(deactivationReason))
            .add(dates[2])
            .add(dates[3])
            .add(replacement);
    var other = new Fields.Fingerprint();
    for (int p :
        new int[] {
          aoLast,
          aoFirst,
          aoMiddle,
          aoTitle,
          aoPhone,
          soleProprietor,
          orgSubpart,
          parentLbn,
          parentTin
        }) {
      other.add(p < 0 ? null : row.getField(p));
    }

    // addresses: mailing and primary practice location
    var addressPrint = new Fields.Fingerprint();
    writeAddress(out, npiValue, "MAILING", row, mailing, false, addressPrint, counts);
    writeAddress(out, npiValue, "PRACTICE", row, practice, true, addressPrint, counts);

    var taxonomyPrint = new Fields.Fingerprint();
    for (int i = 0; i < TAXONOMY_SLOTS; i++) {
      String code = row.getField(taxCode[i]);
      if (code.isEmpty()) {
        continue;
      }
      String license = row.getField(taxLicense[i]);
      String licenseState = row.getField(taxLicenseState[i]);
      String primary = row.getField(taxPrimary[i]);
      String group = taxGroup[i] < 0 ? "" : row.getField(taxGroup[i]);
      taxonomyPrint.add(code).add(license).add(licenseState).add(primary).add(group);
      out.taxonomies
          .field(npiValue)
          .field(i + 1)
          .field(code)
          .field(blankToNull(license))
          .field(blankToNull(licenseState))
          .field("Y".equals(primary))
          .field(blankToNull(group));
      out.taxonomies.endRow();
    }

    var identifierPrint = new Fields.Fingerprint();
    for (int i = 0; i < IDENTIFIER_SLOTS; i++) {
      String value = row.getField(idValue[i]);
      if (value.isEmpty()) {
        continue;
      }
      String idTypeCode = row.getField(idType[i]);
      String state = row.getField(idState[i]);
      String issuer = row.getField(idIssuer[i]);
      identifierPrint.add(value).add(idTypeCode).add(state).add(issuer);
      out.identifiers
          .field(npiValue)
          .field(i + 1)
          .field(value)
          .field(blankToNull(idTypeCode))
          .field(blankToNull(state))
          .field(blankToNull(issuer));
      out.identifiers.endRow();
    }

    int otherSeq = 0;
    String otherOrg = row.getField(otherOrgName);
    if (!otherOrg.isEmpty()) {
      out.otherNames
          .field(npiValue)
          .field(++otherSeq)
          .field(otherOrg)
          .field(blankToNull(row.getField(otherOrgNameType)))
          .field("NPIDATA");
      out.otherNames.endRow();
      names.add(otherOrg);
    }
    String otherPerson =
        join(
            row.getField(otherPrefix),
            row.getField(otherFirst),
            row.getField(otherMiddle),
            row.getField(otherLast),
            row.getField(otherSuffix));
    if (!otherPerson.isEmpty()) {
      out.otherNames
          .field(npiValue)
          .field(++otherSeq)
          .field(otherPerson)
          .field(blankToNull(row.getField(otherLastType)))
          .field("NPIDATA");
      out.otherNames.endRow();
      names.add(otherPerson);
    }

    String searchName =
        organization
            ? Fields.searchName(row.getField(orgName), true)
            : Fields.searchName(join(row.getField(firstName), row.getField(lastName)), false);

    CopyWriter p = out.providers;
    p.field(npiValue).field(type.isEmpty() ? null : type).field(blankToNull(replacement));
    p.field(blankToNull(row.getField(orgName)))
        .field(blankToNull(row.getField(lastName)))
        .field(blankToNull(row.getField(firstName)))
        .field(blankToNull(row.getField(middleName)))
        .field(blankToNull(row.getField(prefix)))
        .field(blankToNull(row.getField(suffix)))
        .field(blankToNull(row.getField(credential)))
        .field(blankToNull(row.getField(sex)));
    p.field(dates[0])
        .field(dates[1])
        .field(blankToNull(row.getField(deactivationReason)))
        .field(dates[2])
        .field(dates[3])
        .field(dates[4]);
    p.field(soleProprietor < 0 ? null : Fields.yesNo(row.getField(soleProprietor)))
        .field(orgSubpart < 0 ? null : Fields.yesNo(row.getField(orgSubpart)))
        .field(optional(row, parentLbn))
        .field(optional(row, parentTin));
    p.field(blankToNull(row.getField(aoLast)))
        .field(blankToNull(row.getField(aoFirst)))
        .field(blankToNull(row.getField(aoMiddle)))
        .field(blankToNull(row.getField(aoTitle)))
        .field(blankToNull(row.getField(aoPhone)))
        .field(optional(row, aoPrefix))
        .field(optional(row, aoSuffix))
        .field(optional(row, aoCredential));
    p.field(searchName).field(active);
    p.field(names.value())
        .field(addressPrint.value())
        .field(taxonomyPrint.value())
        .field(identifierPrint.value())
        .field(status.value())
        .field(other.value());
    p.endRow();
    return null;
  }

  private @Nullable String checkAddress(CsvRecord row, int[] positions, long line) {
    String country = row.getField(positions[5]);
    if (!Fields.domestic(country)) {
      return null;
    }
    String state = row.getField(positions[3]);
    if (!state.isEmpty() && !Fields.US_STATES.contains(state)) {
      return reject(line, headerName(positions[3]), "Unknown state code", state);
    }
    String postal = row.getField(positions[4]);
    if (!postal.isEmpty() && !Fields.validZip(postal)) {
      return reject(line, headerName(positions[4]), "Not a ZIP or ZIP+4", postal);
    }
    return null;
  }

  private void writeAddress(
      RegistryWriters out,
      long npi,
      String kind,
      CsvRecord row,
      int[] positions,
      boolean geocode,
      Fields.Fingerprint print,
      Counts counts)
      throws IOException {
    String line1 = row.getField(positions[0]);
    String postal = row.getField(positions[4]);
    String city = row.getField(positions[2]);
    if (line1.isEmpty() && postal.isEmpty() && city.isEmpty()) {
      return;
    }
    String country = row.getField(positions[5]);
    for (int i = 0; i < 8; i++) {
      print.add(row.getField(positions[i]));
    }
    writeAddressRow(
        out,
        npi,
        kind,
        1,
        line1,
        row.getField(positions[1]),
        city,
        row.getField(positions[3]),
        postal,
        country,
        row.getField(positions[6]),
        row.getField(positions[7]),
        geocode,
        counts);
  }

  /** One address row, geocoded when it is a practice location in the US. */
  void writeAddressRow(
      RegistryWriters out,
      long npi,
      String kind,
      int seq,
      String line1,
      String line2,
      String city,
      String state,
      String postal,
      String country,
      String phone,
      String fax,
      boolean geocode,
      Counts counts)
      throws IOException {
    boolean domestic = Fields.domestic(country);
    String zip5 = domestic && postal.length() >= 5 ? postal.substring(0, 5) : null;
    Optional<GeoPoint> point = Optional.empty();
    if (geocode) {
      counts.practiceLocations++;
      if (domestic && zip5 != null) {
        point = geocoder.locate(postal);
      }
      if (point.isEmpty()) {
        counts.notGeocoded++;
      }
    }
    out.addresses
        .field(npi)
        .field(kind)
        .field(seq)
        .field(blankToNull(line1))
        .field(blankToNull(line2))
        .field(blankToNull(city))
        .field(blankToNull(state))
        .field(blankToNull(postal))
        .field(zip5)
        .field(blankToNull(country))
        .field(blankToNull(phone))
        .field(blankToNull(fax))
        .field(point.map(GeoPoint::latitude).orElse(null))
        .field(point.map(GeoPoint::longitude).orElse(null))
        .field(point.map(g -> g.precision().name()).orElse(null));
    out.addresses.endRow();
  }

  private @Nullable String optional(CsvRecord row, int position) {
    return position < 0 ? null : blankToNull(row.getField(position));
  }

  private String headerName(int position) {
    return headerNames != null ? headerNames.name(position) : Integer.toString(position);
  }

  private @Nullable CsvHeader headerNames;

  private String reject(long line, @Nullable String column, String reason, @Nullable String value) {
    rejects.accept(new Reject(fileName, line, column, reason, value));
    return reason;
  }

  static String join(String... parts) {
    var sb = new StringBuilder();
    for (String part : parts) {
      if (!part.isEmpty()) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(part);
      }
    }
    return sb.toString();
  }
}
