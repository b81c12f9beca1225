package com.medsales.provider.internal;

import com.medsales.ingest.CopyWriter;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The COPY streams of one load, one per registry table, each on its own connection and in its own
 * transaction, which also creates the table: a table created and filled in one transaction needs no
 * WAL where {@code wal_level} is minimal (the embedded default). Tables are named {@code
 * <table><suffix>} ({@code provider_next}, ...).
 */
final class RegistryWriters implements AutoCloseable {

  static final String PROVIDER_COLUMNS =
      "npi, entity_type, replacement_npi, organization_name, last_name, first_name, middle_name, name_prefix,"
          + " name_suffix, credential, sex, enumeration_date, last_update_date, deactivation_reason, deactivation_date,"
          + " reactivation_date, certification_date, sole_proprietor, organization_subpart, parent_organization_name,"
          + " parent_organization_tin, official_last_name, official_first_name, official_middle_name, official_title,"
          + " official_phone, official_prefix, official_suffix, official_credential, search_name, active, hash_name,"
          + " hash_addresses, hash_taxonomies, hash_identifiers, hash_status, hash_other";
  static final String ADDRESS_COLUMNS =
      "npi, kind, seq, line1, line2, city, state, postal_code, zip5, country, phone, fax, latitude, longitude, geo_precision";
  static final String TAXONOMY_COLUMNS =
      "npi, slot, code, license_number, license_state, is_primary, taxonomy_group";
  static final String IDENTIFIER_COLUMNS = "npi, slot, identifier, type_code, state, issuer";
  static final String OTHER_NAME_COLUMNS = "npi, seq, name, type_code, source";

  /** The registry tables, in the order they are written and published. */
  static final List<String> TABLES =
      List.of(
          "provider",
          "provider_address",
          "provider_taxonomy",
          "provider_identifier",
          "provider_other_name");

  final CopyWriter providers;
  final CopyWriter addresses;
  final CopyWriter taxonomies;
  final CopyWriter identifiers;
  final CopyWriter otherNames;
  private final List<CopyWriter> all = new ArrayList<>();

  interface ConnectionSource {
    Connection open(String purpose) throws SQLException;
  }

  RegistryWriters(ConnectionSource connections, String suffix) throws SQLException {
    try {
      providers = open(connections, "provider", suffix, PROVIDER_COLUMNS);
      addresses = open(connections, "provider_address", suffix, ADDRESS_COLUMNS);
      taxonomies = open(connections, "provider_taxonomy", suffix, TAXONOMY_COLUMNS);
      identifiers = open(connections, "provider_identifier", suffix, IDENTIFIER_COLUMNS);
      otherNames = open(connections, "provider_other_name", suffix, OTHER_NAME_COLUMNS);
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private CopyWriter open(ConnectionSource connections, String table, String suffix, String columns)
      throws SQLException {
    Connection connection = connections.open("copy-" + table);
    try {
      connection.setAutoCommit(false);
      try (var statement = connection.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS " + table + suffix);
        statement.execute(
            "CREATE TABLE "
                + table
                + suffix
                + " (LIKE "
                + table
                + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
      }
      var writer =
          new CopyWriter(connection, "COPY " + table + suffix + " (" + columns + ") FROM STDIN");
      all.add(writer);
      return writer;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Ends every COPY and commits: the tables are complete, not yet published. */
  void finish() throws IOException, SQLException {
    for (CopyWriter writer : all) {
      writer.finish();
    }
  }

  @Override
  public void close() {
    all.forEach(CopyWriter::close);
  }
}
